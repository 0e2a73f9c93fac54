package com.kehu.crm.survey;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such response, ticket or order, or its customer is not one the user may see (all look the same: 404). */
public class SurveyNotFoundException extends RecordNotFoundException {

    private SurveyNotFoundException(String message) {
        super(message);
    }

    public static SurveyNotFoundException response(long id) {
        return new SurveyNotFoundException("No visible survey response with id " + id);
    }

    public static SurveyNotFoundException ticket(long id) {
        return new SurveyNotFoundException("No visible ticket " + id + " for this customer");
    }

    public static SurveyNotFoundException order(long id) {
        return new SurveyNotFoundException("No visible order " + id + " for this customer");
    }

    public static SurveyNotFoundException invitation(long id) {
        return new SurveyNotFoundException("No visible survey invitation with id " + id);
    }

    public static SurveyNotFoundException attribute(long id) {
        return new SurveyNotFoundException("No survey attribute with id " + id);
    }
}
