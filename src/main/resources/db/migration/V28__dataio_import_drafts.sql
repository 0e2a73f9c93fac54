-- Import screens (issue 6): an upload waits as a DRAFT import, owned by its uploader, while they map its columns and
-- look at the preview; Run turns it into a QUEUED import for the same engine the API uses.
alter table import_job drop constraint import_job_status_ck;
alter table import_job add constraint import_job_status_ck
    check (status in ('DRAFT', 'QUEUED', 'RUNNING', 'DONE', 'FAILED', 'UNDONE'));

-- the uploaded file on the server while the import is a draft (the runner deletes it when it has read it)
alter table import_job add column stored_file text;
-- the charset found at upload (or asked for), so the mapping and preview screens do not read a big file twice
alter table import_job add column detected_encoding text;
-- when the staged rows were removed after crm.dataio.imports.row-retention-days; from then on no error file, no undo
alter table import_job add column rows_purged_at timestamptz;

-- the import list: a user's own imports, newest first; the cleanup: old drafts, old finished imports
create index import_job_created_by_idx on import_job (created_by, created_at desc);
create index import_job_created_at_idx on import_job (created_at desc);
create index import_job_draft_idx on import_job (created_at) where status = 'DRAFT';
create index import_job_rows_kept_idx on import_job (finished_at) where rows_purged_at is null;

-- Saved column mappings (file header -> field) per import type, shared by all managers; a name is unique per type
-- whatever its case. No check on type: the import types grow with the ImportType enum.
create sequence import_mapping_template_seq;

create table import_mapping_template (
    id         bigint      not null,
    type       text        not null,
    name       text        not null,
    mapping    jsonb       not null,
    created_by bigint      not null,
    created_at timestamptz not null,
    constraint import_mapping_template_pk primary key (id),
    constraint import_mapping_template_name_ck check (char_length(name) between 1 and 100),
    constraint import_mapping_template_created_by_fk foreign key (created_by) references app_user (id)
);
create unique index import_mapping_template_name_uk on import_mapping_template (type, lower(name));
create index import_mapping_template_created_by_idx on import_mapping_template (created_by);
