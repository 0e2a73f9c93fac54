package com.kehu.crm.survey;

import com.kehu.crm.shared.time.BusinessCalendar;
import java.sql.Timestamp;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administers the rated attributes. Codes are permanent (old ratings refer to them), so an attribute is deactivated,
 * never deleted; labels and order change freely.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class SurveyAttributeService {

    private final JdbcClient jdbc;
    private final SurveyQueries queries;
    private final BusinessCalendar calendar;

    /** Thrown when the code is taken; the form shows it next to the code field. */
    public static class DuplicateCodeException extends RuntimeException {
        public DuplicateCodeException(String code) {
            super("Survey attribute code already exists: " + code);
        }
    }

    public long add(String code, String labelEn, String labelZh) {
        Integer next = jdbc.sql("select coalesce(max(position), 0) + 10 from survey_attribute")
                .query(Integer.class)
                .single();
        return jdbc.sql("""
                        insert into survey_attribute (id, code, label_en, label_zh, position, created_at, updated_at)
                        values (nextval('survey_attribute_seq'), :code, :labelEn, :labelZh, :position, :now, :now)
                        on conflict (code) do nothing returning id""")
                .param("code", code)
                .param("labelEn", labelEn.strip())
                .param("labelZh", labelZh.strip())
                .param("position", next)
                .param("now", Timestamp.from(calendar.now()))
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new DuplicateCodeException(code));
    }

    public void relabel(long id, String labelEn, String labelZh) {
        int updated = jdbc.sql("update survey_attribute set label_en = :labelEn, label_zh = :labelZh,"
                        + " updated_at = :now, version = version + 1 where id = :id")
                .param("labelEn", labelEn.strip())
                .param("labelZh", labelZh.strip())
                .param("now", Timestamp.from(calendar.now()))
                .param("id", id)
                .update();
        if (updated == 0) {
            throw SurveyNotFoundException.attribute(id);
        }
    }

    public void setActive(long id, boolean active) {
        int updated = jdbc.sql("update survey_attribute set active = :active, updated_at = :now,"
                        + " version = version + 1 where id = :id")
                .param("active", active)
                .param("now", Timestamp.from(calendar.now()))
                .param("id", id)
                .update();
        if (updated == 0) {
            throw SurveyNotFoundException.attribute(id);
        }
    }

    /** Swaps the attribute with its neighbour above ({@code up}) or below; at either end nothing changes. */
    public void move(long id, boolean up) {
        List<SurveyAttributeView> all = queries.attributes(false);
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == id) {
                index = i;
            }
        }
        if (index < 0) {
            throw SurveyNotFoundException.attribute(id);
        }
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= all.size()) {
            return;
        }
        // positions are rewritten as 10, 20, 30 ... so equal positions from manual edits cannot block a swap
        List<SurveyAttributeView> ordered = new java.util.ArrayList<>(all);
        java.util.Collections.swap(ordered, index, other);
        for (int i = 0; i < ordered.size(); i++) {
            jdbc.sql("update survey_attribute set position = :position where id = :id and position <> :position")
                    .param("position", (i + 1) * 10)
                    .param("id", ordered.get(i).id())
                    .update();
        }
    }
}
