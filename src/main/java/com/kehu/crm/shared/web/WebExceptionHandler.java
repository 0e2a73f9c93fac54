package com.kehu.crm.shared.web;

import com.kehu.crm.shared.domain.RecordNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Screens: a missing or invisible record is a 404 page; anything unexpected falls through to Boot's error page,
 * which renders templates/error/5xx.html without the exception text. The API has its own handler.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class WebExceptionHandler {

    @ExceptionHandler({RecordNotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /** A conflict the screen did not handle itself (those that can keep the input show their own page). */
    @ExceptionHandler({
        com.kehu.crm.shared.domain.EditConflictException.class,
        org.springframework.orm.ObjectOptimisticLockingFailureException.class
    })
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict() {
        return "error/409";
    }
}
