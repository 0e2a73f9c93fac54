package com.kehu.crm.survey;

/** The ticket or order already has its response (one per ticket and per order), or the link was used. */
public class SurveyAlreadyAnsweredException extends RuntimeException {

    public SurveyAlreadyAnsweredException(String message) {
        super(message);
    }
}
