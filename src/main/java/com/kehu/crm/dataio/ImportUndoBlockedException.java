package com.kehu.crm.dataio;

import java.util.List;

/** The import cannot be undone: the listed customers were changed or got related records since. */
public class ImportUndoBlockedException extends RuntimeException {

    /** One customer that blocks the undo and why ("changed" or the table that now refers to it). */
    public record Blocker(long id, String code, String name, String reason) {}

    private final transient List<Blocker> blockers;

    ImportUndoBlockedException(List<Blocker> blockers) {
        super("Import cannot be undone: " + blockers.size() + " customers changed since");
        this.blockers = List.copyOf(blockers);
    }

    public List<Blocker> blockers() {
        return blockers;
    }
}
