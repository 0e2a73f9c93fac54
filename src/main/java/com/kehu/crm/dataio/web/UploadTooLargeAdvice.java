package com.kehu.crm.dataio.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} fails while the request is parsed, before any
 * controller is chosen, so only an advice without selectors sees it. For the import upload it goes back to the form,
 * which says how large a file may be; anything else is left to the default handling (413).
 */
@ControllerAdvice
class UploadTooLargeAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        if (!request.getRequestURI().equals(request.getContextPath() + "/data/imports/new")) {
            throw e;
        }
        return "redirect:/data/imports/new?tooLarge";
    }
}
