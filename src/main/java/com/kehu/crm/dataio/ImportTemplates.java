package com.kehu.crm.dataio;

import com.kehu.crm.identity.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved column mappings (file header to field) per import type, so that the monthly export of another system maps
 * itself. Shared by all managers; the one who saved a template, or an admin, may delete it.
 */
@Service
public class ImportTemplates {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ImportTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A saved mapping; {@code deletable} for the user who asked. */
    public record Template(
            long id, ImportType type, String name, Map<String, String> mapping, String createdBy, boolean deletable) {}

    /** Another template of this type already has the name (names are compared without case). */
    public static class NameTakenException extends RuntimeException {

        NameTakenException(String name) {
            super("Template name taken: " + name);
        }
    }

    public List<Template> list(ImportType type, CurrentUser user) {
        return jdbc.sql("""
                        select t.id, t.type, t.name, t.mapping, t.created_by, u.display_name
                        from import_mapping_template t join app_user u on u.id = t.created_by
                        where t.type = :type order by lower(t.name)""")
                .param("type", type.name())
                .query((rs, n) -> template(rs, user))
                .list();
    }

    public Template get(long id, ImportType type, CurrentUser user) {
        return jdbc.sql("""
                        select t.id, t.type, t.name, t.mapping, t.created_by, u.display_name
                        from import_mapping_template t join app_user u on u.id = t.created_by
                        where t.id = :id and t.type = :type""")
                .param("id", id)
                .param("type", type.name())
                .query((rs, n) -> template(rs, user))
                .optional()
                .orElseThrow(() -> new ImportNotFoundException(id));
    }

    /** Saves {@code mapping} (header to field, "" for an ignored header) under {@code name}; returns its id. */
    public long save(ImportType type, String name, Map<String, String> mapping, CurrentUser user) {
        long id = jdbc.sql("select nextval('import_mapping_template_seq')")
                .query(Long.class)
                .single();
        try {
            jdbc.sql("""
                            insert into import_mapping_template (id, type, name, mapping, created_by, created_at)
                            values (:id, :type, :name, cast(:mapping as jsonb), :by, now())""")
                    .param("id", id)
                    .param("type", type.name())
                    .param("name", name.strip())
                    .param("mapping", JSON.writeValueAsString(mapping))
                    .param("by", user.id())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new NameTakenException(name);
        }
        return id;
    }

    public void delete(long id, CurrentUser user) {
        Long owner = jdbc.sql("select created_by from import_mapping_template where id = :id")
                .param("id", id)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new ImportNotFoundException(id));
        if (owner != user.id() && !user.isAdmin()) {
            throw new AccessDeniedException("Only its creator or an admin may delete a mapping template");
        }
        jdbc.sql("delete from import_mapping_template where id = :id")
                .param("id", id)
                .update();
    }

    private static Template template(java.sql.ResultSet rs, CurrentUser user) throws java.sql.SQLException {
        long createdBy = rs.getLong("created_by");
        return new Template(
                rs.getLong("id"),
                ImportType.valueOf(rs.getString("type")),
                rs.getString("name"),
                JSON.readValue(rs.getString("mapping"), new TypeReference<LinkedHashMap<String, String>>() {}),
                rs.getString("display_name"),
                createdBy == user.id() || user.isAdmin());
    }
}
