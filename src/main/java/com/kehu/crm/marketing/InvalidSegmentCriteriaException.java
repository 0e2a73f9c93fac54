package com.kehu.crm.marketing;

import java.util.List;

/** The criteria contradict themselves or hold values out of range; each problem names its field. */
public class InvalidSegmentCriteriaException extends RuntimeException {

    private final List<SegmentCriteria.Problem> problems;

    public InvalidSegmentCriteriaException(List<SegmentCriteria.Problem> problems) {
        super("Invalid segment criteria: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<SegmentCriteria.Problem> problems() {
        return problems;
    }
}
