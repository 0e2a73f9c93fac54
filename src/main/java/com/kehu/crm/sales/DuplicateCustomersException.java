package com.kehu.crm.sales;

import java.util.List;

/** Customers like the lead exist; the user decides: attach to one of them, or create a new customer anyway. */
public class DuplicateCustomersException extends RuntimeException {

    private final List<DuplicateCandidate> candidates;

    public DuplicateCustomersException(List<DuplicateCandidate> candidates) {
        super(candidates.size() + " possible duplicate customers");
        this.candidates = List.copyOf(candidates);
    }

    public List<DuplicateCandidate> candidates() {
        return candidates;
    }
}
