package com.kehu.crm.order;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An order or product rule refused a change (an illegal status move, lines on a confirmed order, a payment above
 * the outstanding amount…). {@code messageKey} explains it on screen; {@code field} names the input at fault, if
 * any; {@code arguments} fill the message. Nothing was changed.
 */
public class OrderRuleException extends RuntimeException {

    private final String messageKey;
    private final @Nullable String field;
    private final Object[] arguments;

    public OrderRuleException(String messageKey, @Nullable String field, String message, Object... arguments) {
        super(message);
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public @Nullable String field() {
        return field;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The arguments for a message source: enum constants become their labels ({@code OrderStatus.DRAFT}). */
    public Object[] messageArguments() {
        Object[] resolved = arguments.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof Enum<?> constant) {
                String key = constant.getDeclaringClass().getSimpleName() + "." + constant.name();
                resolved[i] = new DefaultMessageSourceResolvable(new String[] {key}, constant.name());
            }
        }
        return resolved;
    }
}
