-- Duplicate clusters (issue 6, second step). At 1M customers, identical names repeat in groups (宋红, 林娜, a company
-- name drawn from a small pool); stored as pairs, a group of n made n(n-1)/2 rows (20M for the demo data). A group
-- of identical normalised names in one region is now ONE cluster row, reviewed and merged as a whole.

-- The name as the scan compares it: lower case, without spaces and punctuation; for enterprises also without the
-- legal form (有限公司, 股份有限公司, 集团, Co., Ltd, Inc.) and with 上海市 read as 上海, so 上海华光机械有限公司 and
-- 上海市华光机械股份有限公司 are the same company. The C locale knows no CJK punctuation, so it is listed. Falls back
-- to the plain lower-cased name when nothing is left.
create function kehu_duplicate_name(name text, kind text) returns text
    language sql immutable strict parallel safe
as $$
    select coalesce(nullif(regexp_replace(n, '[[:space:][:punct:]　（）·、，。：；！？“”‘’《》【】—]', '', 'g'), ''), lower(name))
    from (select case when kind <> 'ENTERPRISE' then lower(name)
                      else regexp_replace(regexp_replace(regexp_replace(regexp_replace(
                               lower(translate(name, '（）', '()')),
                               -- a place in brackets: 华光机械（上海）有限公司
                               '\([^)]*\)', '', 'g'),
                               '([ .,&]+(co|ltd|limited|inc|corp|corporation|llc|gmbh|group|pte|company))+[ .,]*$', ''),
                               '(集团|股份有限公司|有限责任公司|有限公司|股份公司|公司|商行|工作室)+$', ''),
                               '^(..)[市省]', '\1')
                 end as n) s
$$;

-- Exact repeats as clusters. match_key identifies the group across scans (reason, region, kind, normalised name and,
-- for individuals, the second signal), so a dismissed cluster stays dismissed; it comes back only when a member
-- appears that was not there when it was dismissed (member_ids not contained in dismissed_members).
create sequence customer_duplicate_cluster_seq increment by 50;
create table customer_duplicate_cluster (
    id                bigint      not null,
    match_key         text        not null,
    reason            text        not null,
    region            text        not null,
    kind              text        not null,
    name              text        not null,
    member_ids        bigint[]    not null,
    size              integer     not null,
    -- more members than crm.dataio.duplicates.max-cluster: a common name, noted, never presented
    oversized         boolean     not null default false,
    found_at          timestamptz not null,
    dismissed         boolean     not null default false,
    dismissed_members bigint[],
    dismissed_by      bigint,
    dismissed_at      timestamptz,
    constraint customer_duplicate_cluster_pk primary key (id),
    constraint customer_duplicate_cluster_key_uk unique (match_key),
    constraint customer_duplicate_cluster_reason_ck
        check (reason in ('NAME', 'NAME_BIRTHDAY', 'NAME_ADDRESS', 'NAME_EMAIL_DOMAIN')),
    constraint customer_duplicate_cluster_dismissed_by_fk foreign key (dismissed_by) references app_user (id)
);
-- the review list: strongest first (a name and a second signal, then the smallest groups)
create index customer_duplicate_cluster_open_idx on customer_duplicate_cluster
    ((reason = 'NAME'), size, id) where not dismissed and not oversized;

-- Scan work tables, rebuilt by every scan (derived data, so unlogged): each live customer's comparison keys, the
-- distinct names per region and kind with their bigrams (similar names are found between names, not customers),
-- and the similar name pairs.
create unlogged table customer_duplicate_key (
    id           bigint  not null,
    region       text    not null,
    kind         text    not null,
    name_key     text    not null,
    name         text    not null,
    birthday     text,
    address_key  text,
    email_domain text,
    constraint customer_duplicate_key_pk primary key (id)
);
create index customer_duplicate_key_name_idx on customer_duplicate_key (region, kind, name_key);

create unlogged table customer_duplicate_name (
    name_id  integer not null,
    region   text    not null,
    kind     text    not null,
    name_key text    not null,
    bigrams  text[]  not null,
    members  integer not null,
    constraint customer_duplicate_name_pk primary key (name_id)
);
create index customer_duplicate_name_bigrams_idx on customer_duplicate_name using gin (bigrams);

create unlogged table customer_duplicate_name_pair (
    a_name integer      not null,
    b_name integer      not null,
    score  numeric(4,3) not null,
    constraint customer_duplicate_name_pair_pk primary key (a_name, b_name)
);

-- progress of the running phase (ids or names done of total) and the clusters found
alter table customer_duplicate_scan add column progress_done bigint not null default 0;
alter table customer_duplicate_scan add column progress_total bigint not null default 0;
alter table customer_duplicate_scan add column clusters_found integer not null default 0;
