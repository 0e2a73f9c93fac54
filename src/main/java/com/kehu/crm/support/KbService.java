package com.kehu.crm.support;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.time.BusinessCalendar;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on the knowledge base. Support agents and those above them write articles; linking an article to a
 * ticket ("solved by") is open to whoever may see the ticket and the published article, and moves the use count in
 * the same transaction as the link row.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class KbService {

    private final KbArticleRepository articles;
    private final KbTicketAccess tickets;
    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;

    public long create(KbArticleData data, boolean publish, CurrentUser user) {
        requireEditor(user);
        KbArticle article = new KbArticle(data, user.id());
        if (publish) {
            article.publish(calendar.now());
        }
        return articles.save(article).getId();
    }

    public void update(long id, long expectedVersion, KbArticleData data, CurrentUser user) {
        KbArticle article = loadForWrite(id, user);
        if (article.getVersion() != expectedVersion) {
            throw new EditConflictException("Article " + id, expectedVersion, article.getVersion());
        }
        article.update(data, user.id());
    }

    public void publish(long id, CurrentUser user) {
        loadForWrite(id, user).publish(calendar.now());
    }

    public void unpublish(long id, CurrentUser user) {
        loadForWrite(id, user).unpublish();
    }

    /**
     * The API's DELETE: a published article is unpublished (tickets may still point at it); a draft that no ticket
     * points at is deleted. Returns true when the row is gone.
     */
    public boolean withdraw(long id, CurrentUser user) {
        KbArticle article = loadForWrite(id, user);
        if (article.isPublished() || linkCount(id) > 0) {
            article.unpublish();
            return false;
        }
        articles.delete(article);
        return true;
    }

    /** Links a published article to a ticket the user may see; a second link of the same pair changes nothing. */
    public void link(long articleId, long ticketId, CurrentUser user) {
        tickets.requireVisible(ticketId, user);
        Boolean published = jdbc.sql("select published from kb_article where id = :id for update")
                .param("id", articleId)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> KbArticleNotFoundException.forId(articleId));
        if (!published) {
            throw KbArticleNotFoundException.forId(articleId);
        }
        int inserted = jdbc.sql("""
                        insert into ticket_kb_article (ticket_id, article_id, linked_by, linked_at)
                        values (:ticketId, :articleId, :userId, :now)
                        on conflict on constraint ticket_kb_article_pk do nothing""")
                .param("ticketId", ticketId)
                .param("articleId", articleId)
                .param("userId", user.id())
                .param("now", java.sql.Timestamp.from(calendar.now()))
                .update();
        if (inserted == 1) {
            jdbc.sql("update kb_article set use_count = use_count + 1 where id = :id")
                    .param("id", articleId)
                    .update();
        }
    }

    public void unlink(long articleId, long ticketId, CurrentUser user) {
        tickets.requireVisible(ticketId, user);
        int deleted = jdbc.sql("delete from ticket_kb_article where ticket_id = :ticketId and article_id = :articleId")
                .param("ticketId", ticketId)
                .param("articleId", articleId)
                .update();
        if (deleted == 1) {
            jdbc.sql("update kb_article set use_count = greatest(use_count - 1, 0) where id = :id")
                    .param("id", articleId)
                    .update();
        }
    }

    static boolean canEdit(CurrentUser user) {
        return user.is(Role.SUPPORT_AGENT) || user.isManager() || user.isAdmin();
    }

    private long linkCount(long articleId) {
        return jdbc.sql("select count(*) from ticket_kb_article where article_id = :id")
                .param("id", articleId)
                .query(Long.class)
                .single();
    }

    private KbArticle loadForWrite(long id, CurrentUser user) {
        requireEditor(user);
        return articles.findById(id).orElseThrow(() -> KbArticleNotFoundException.forId(id));
    }

    private static void requireEditor(CurrentUser user) {
        if (!canEdit(user)) {
            throw new AccessDeniedException("Only support agents and managers write knowledge-base articles");
        }
    }
}
