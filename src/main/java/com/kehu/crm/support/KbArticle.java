package com.kehu.crm.support;

import com.kehu.crm.shared.domain.BaseEntity;
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
import org.springframework.util.Assert;

/**
 * A solution article (解决方案): Markdown body, optional ticket category, tags, draft or published. Its use count is
 * changed only in SQL, together with the ticket link, so it is not mapped as writable here.
 */
@Entity
@Table(name = "kb_article")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class KbArticle extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kb_article_seq")
    @SequenceGenerator(name = "kb_article_seq", sequenceName = "kb_article_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(name = "category_id")
    private @Nullable Long categoryId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> tags = new ArrayList<>();

    @Column(nullable = false)
    private boolean published;

    @Column(name = "published_at")
    private @Nullable Instant publishedAt;

    @Column(name = "author_id", nullable = false, updatable = false)
    private long authorId;

    @Column(name = "updated_by")
    private @Nullable Long updatedBy;

    @Column(name = "use_count", insertable = false, updatable = false)
    private int useCount;

    KbArticle(KbArticleData data, long authorId) {
        this.authorId = authorId;
        update(data, authorId);
    }

    void update(KbArticleData data, long userId) {
        Assert.hasText(data.title(), "title must not be empty");
        Assert.hasText(data.body(), "body must not be empty");
        this.title = data.title().strip();
        this.body = data.body();
        this.categoryId = data.categoryId();
        this.tags = new ArrayList<>(data.normalizedTags());
        this.updatedBy = userId;
    }

    void publish(Instant now) {
        if (!published) {
            published = true;
            publishedAt = now;
        }
    }

    void unpublish() {
        published = false;
    }
}
