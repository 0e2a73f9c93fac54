package com.kehu.crm.identity;

import java.util.List;

/** The password breaks the {@link PasswordPolicy}; carries message keys for the form. */
public class WeakPasswordException extends RuntimeException {

    private final List<String> problems;

    public WeakPasswordException(List<String> problems) {
        super("Password refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
