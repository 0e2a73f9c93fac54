package com.kehu.crm.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A message for one user, kept as a message key and arguments so it shows in the reader's language. */
@Entity
@Table(name = "notification")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private long recipientId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(name = "message_key", nullable = false, updatable = false)
    private String messageKey;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "message_args", nullable = false, columnDefinition = "text[]", updatable = false)
    private List<String> messageArgs = new ArrayList<>();

    private @Nullable String link;

    @Column(name = "dedup_key", updatable = false)
    private @Nullable String dedupKey;

    @Column(name = "read_at")
    private @Nullable Instant readAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    Notification(
            long recipientId,
            String kind,
            String messageKey,
            List<String> messageArgs,
            @Nullable String link,
            @Nullable String dedupKey,
            Instant now) {
        this.recipientId = recipientId;
        this.kind = kind;
        this.messageKey = messageKey;
        this.messageArgs = new ArrayList<>(messageArgs);
        this.link = link;
        this.dedupKey = dedupKey;
        this.createdAt = now;
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }
}
