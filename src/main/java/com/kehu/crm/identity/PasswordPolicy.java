package com.kehu.crm.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At least 8 characters, not the username, not on the list of common passwords (NIST SP 800-63B: length and a
 * deny list rather than composition rules). Returns message keys so the form shows the reason in the user's
 * language.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    public static final String DEMO_PASSWORD = "kehu-demo";

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    public List<String> problems(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("password.tooShort");
        } else if (password.length() > MAX_LENGTH) {
            problems.add("password.tooLong");
        }
        if (password != null) {
            String lower = password.toLowerCase(Locale.ROOT);
            if (common.contains(lower)) {
                problems.add("password.common");
            }
            if (username != null
                    && !username.isBlank()
                    && lower.equals(username.strip().toLowerCase(Locale.ROOT))) {
                problems.add("password.sameAsUsername");
            }
        }
        return problems;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        var resource = new ClassPathResource("identity/common-passwords.txt");
        try (var reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
