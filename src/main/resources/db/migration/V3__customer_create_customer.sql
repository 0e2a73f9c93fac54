-- Customers (CATALOG 1.1, 1.2). Searchable fields are columns; the long tail of profile fields is a JSONB
-- document whose schema is declared in Java (customer.ProfileSchema).
create sequence customer_seq increment by 50;
create sequence customer_code_seq;
create sequence customer_status_change_seq increment by 50;

-- Character bigrams of a string: the basis of name search that works for Chinese (no word boundaries) and
-- English alike. pg_trgm ignores CJK characters under the C locale, so we index bigrams ourselves.
create function kehu_bigrams(s text) returns text[]
    language sql immutable strict parallel safe
as $$
    select coalesce(array_agg(distinct substr(s, i, 2)), '{}')
    from generate_series(1, char_length(s) - 1) as i
$$;

create table customer (
    id                bigint      not null,
    code              text        not null,
    kind              text        not null,
    name              text        not null,
    phone             text,
    phone_digits      text,
    email             text,
    address           text,
    region            text,
    industry          text,
    source            text,
    relation_category text        not null,
    importance        text        not null,
    status            text        not null,
    owner_id          bigint      not null,
    tags              text[]      not null default '{}',
    profile           jsonb       not null default '{}',
    archived          boolean     not null default false,
    archived_at       timestamptz,
    name_bigrams      text[]      generated always as (kehu_bigrams(lower(name))) stored,
    version           bigint      not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    constraint customer_pk primary key (id),
    constraint customer_code_uk unique (code),
    constraint customer_kind_ck check (kind in ('INDIVIDUAL', 'ENTERPRISE')),
    constraint customer_status_ck check (status in ('POTENTIAL', 'TARGET', 'ACTUAL', 'LOST')),
    constraint customer_relation_ck check (relation_category in ('CONSUMER', 'B2B', 'CHANNEL', 'INTERNAL')),
    constraint customer_importance_ck check (importance in ('VIP', 'IMPORTANT', 'ORDINARY')),
    constraint customer_name_ck check (char_length(name) between 1 and 200),
    constraint customer_owner_fk foreign key (owner_id) references app_user (id)
);

-- List screens: a rep's customers by name, everybody's by name or by recency.
create index customer_owner_name_idx on customer (owner_id, name, id);
create index customer_name_idx on customer (name, id);
create index customer_updated_idx on customer (updated_at desc, id);
-- Search: name bigrams, and prefixes of code, phone digits and e-mail.
create index customer_name_bigrams_idx on customer using gin (name_bigrams);
create index customer_code_prefix_idx on customer (code text_pattern_ops);
create index customer_phone_prefix_idx on customer (phone_digits text_pattern_ops);
-- A caller's number often lacks the area code, and people type the last digits: match the end too.
create index customer_phone_suffix_idx on customer (reverse(phone_digits) text_pattern_ops);
create index customer_email_prefix_idx on customer (lower(email) text_pattern_ops);
create index customer_lower_name_prefix_idx on customer (lower(name) text_pattern_ops);
create index customer_tags_idx on customer using gin (tags);

create table customer_status_change (
    id          bigint      not null,
    customer_id bigint      not null,
    from_status text,
    to_status   text        not null,
    changed_by  bigint,
    changed_at  timestamptz not null,
    constraint customer_status_change_pk primary key (id),
    constraint customer_status_change_customer_fk foreign key (customer_id) references customer (id),
    constraint customer_status_change_user_fk foreign key (changed_by) references app_user (id)
);
create index customer_status_change_customer_idx on customer_status_change (customer_id, changed_at);
