-- Imports (issue 6). One row per uploaded file; its rows are COPYed into import_row, validated and merged there
-- set-based, and kept so the errors file can be written and the import undone.
create sequence import_job_seq;

create table import_job (
    id           bigint      not null,
    type         text        not null,
    status       text        not null,
    file_name    text        not null,
    encoding     text,
    on_duplicate text        not null,
    create_missing boolean   not null default false,
    mapping      jsonb       not null default '{}',
    headers      text[],
    file_bytes   bigint      not null default 0,
    read_bytes   bigint      not null default 0,
    total_rows   integer,
    processed    integer     not null default 0,
    inserted     integer     not null default 0,
    updated      integer     not null default 0,
    skipped      integer     not null default 0,
    failed       integer     not null default 0,
    failure      text,
    created_by   bigint      not null,
    created_at   timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    undone_at    timestamptz,
    constraint import_job_pk primary key (id),
    constraint import_job_type_ck check (type in ('CUSTOMERS', 'ORDERS')),
    constraint import_job_status_ck check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'UNDONE')),
    constraint import_job_on_duplicate_ck check (on_duplicate in ('SKIP', 'UPDATE', 'CREATE')),
    constraint import_job_created_by_fk foreign key (created_by) references app_user (id)
);

-- The staged rows of an import. raw holds the values as read (for the errors file); the typed columns are
-- normalised in place by validation. action says what the merge did (INSERT, UPDATE, SKIP); old_values is the
-- customer as it was before an UPDATE and new_version its version right after the import, both for undo.
create table import_row (
    import_id   bigint  not null,
    line        integer not null,
    raw         text[]  not null,
    columns     integer not null,
    code        text,
    name        text,
    phone       text,
    email       text,
    region      text,
    industry    text,
    source      text,
    kind        text,
    importance  text,
    status      text,
    owner       text,
    tags        text,
    owner_id    bigint,
    order_date  text,
    amount      text,
    parsed_date date,
    parsed_amount numeric(19,2),
    order_id    bigint,
    error       text,
    error_arg   text,
    customer_id bigint,
    action      text,
    old_values  jsonb,
    new_version bigint,
    constraint import_row_pk primary key (import_id, line),
    constraint import_row_job_fk foreign key (import_id) references import_job (id) on delete cascade
);
create index import_row_customer_idx on import_row (customer_id) where customer_id is not null;

-- An order date as imports accept it (yyyy-MM-dd, yyyy/M/d, yyyyMMdd), or null when it is none of them or no real
-- date (2026-02-30), so validation marks the row instead of the statement failing.
create function kehu_import_date(s text) returns date
    language plpgsql immutable strict
as $$
begin
    if s ~ '^\d{4}-\d{1,2}-\d{1,2}$' or s ~ '^\d{4}/\d{1,2}/\d{1,2}$' then
        return make_date(split_part(translate(s, '/', '-'), '-', 1)::int, split_part(translate(s, '/', '-'), '-', 2)::int,
                         split_part(translate(s, '/', '-'), '-', 3)::int);
    elsif s ~ '^\d{8}$' then
        return make_date(substr(s, 1, 4)::int, substr(s, 5, 2)::int, substr(s, 7, 2)::int);
    end if;
    return null;
exception when others then
    return null;
end
$$;

-- n zero-padded to at least width digits, never cut (lpad cuts): the running part of generated codes and numbers.
create function kehu_pad(n bigint, width integer) returns text
    language sql immutable strict parallel safe
as $$
    select lpad(n::text, greatest(width, char_length(n::text)), '0')
$$;
