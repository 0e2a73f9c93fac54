package com.kehu.crm.survey;

/** How a response came in: the customer answered the link, or staff recorded it over the phone. */
public enum SurveyChannel {
    LINK,
    PHONE
}
