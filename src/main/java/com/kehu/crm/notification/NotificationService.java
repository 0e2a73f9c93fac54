package com.kehu.crm.notification;

import com.kehu.crm.identity.CurrentUser;
import java.time.Clock;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends and reads in-app notifications. */
@Service
@Transactional
@RequiredArgsConstructor
public class NotificationService {

    private final NotificationRepository notifications;
    private final Clock clock;

    /**
     * Tells one user something, in the caller's transaction (a rolled-back action notifies nobody). With a
     * {@code dedupKey} the same notice reaches a user at most once, e.g. one large-deal alert per deal.
     */
    public void notify(
            long recipientId,
            String kind,
            String messageKey,
            List<String> messageArgs,
            @Nullable String link,
            @Nullable String dedupKey) {
        if (dedupKey != null && notifications.existsByRecipientIdAndDedupKey(recipientId, dedupKey)) {
            return;
        }
        notifications.save(
                new Notification(recipientId, kind, messageKey, messageArgs, link, dedupKey, clock.instant()));
    }

    /** Marks one of the user's own notifications read; someone else's id changes nothing. */
    public void markRead(long id, CurrentUser user) {
        notifications
                .findById(id)
                .filter(n -> n.getRecipientId() == user.id())
                .ifPresent(n -> n.markRead(clock.instant()));
    }

    public int markAllRead(CurrentUser user) {
        return notifications.markAllRead(user.id(), clock.instant());
    }
}
