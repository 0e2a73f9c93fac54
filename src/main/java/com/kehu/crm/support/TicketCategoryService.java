package com.kehu.crm.support;

import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket categories (reference data) for admins: add, rename in both languages, move up or down, deactivate or
 * activate again. A category is never deleted: old tickets keep it.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class TicketCategoryService {

    private final JdbcClient jdbc;
    private final TicketQueries queries;

    public long add(String code, String nameEn, String nameZh) {
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        boolean taken = jdbc.sql("select exists (select 1 from ticket_category where code = :code)")
                .param("code", normalized)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new TicketRuleException("ticketCategory.code.taken", "Category code " + normalized + " exists");
        }
        return jdbc.sql("""
                        insert into ticket_category (id, code, name_en, name_zh, position)
                        values (nextval('ticket_category_seq'), :code, :en, :zh,
                                (select coalesce(max(position), 0) + 10 from ticket_category))
                        returning id""")
                .param("code", normalized)
                .param("en", nameEn.strip())
                .param("zh", nameZh.strip())
                .query(Long.class)
                .single();
    }

    public void rename(long id, String nameEn, String nameZh) {
        require(
                jdbc.sql("""
                        update ticket_category set name_en = :en, name_zh = :zh, version = version + 1,
                            updated_at = now() where id = :id""")
                        .param("en", nameEn.strip())
                        .param("zh", nameZh.strip())
                        .param("id", id)
                        .update(),
                id);
    }

    public void setActive(long id, boolean active) {
        require(jdbc.sql("""
                        update ticket_category set active = :active, version = version + 1, updated_at = now()
                        where id = :id""").param("active", active).param("id", id).update(), id);
    }

    /** Swaps the category with its neighbour above ({@code up}) or below. */
    public void move(long id, boolean up) {
        List<TicketCategory> all = queries.categories(false);
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == id) {
                index = i;
            }
        }
        require(index < 0 ? 0 : 1, id);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= all.size()) {
            return;
        }
        // renumber all (a handful of rows) so equal positions never make the swap a no-op
        for (int i = 0; i < all.size(); i++) {
            int position = (i == index ? other : i == other ? index : i) * 10 + 10;
            jdbc.sql("update ticket_category set position = :position, updated_at = now() where id = :id")
                    .param("position", position)
                    .param("id", all.get(i).id())
                    .update();
        }
    }

    private static void require(int updated, long id) {
        if (updated == 0) {
            throw TicketNotFoundException.of("ticket category", id);
        }
    }
}
