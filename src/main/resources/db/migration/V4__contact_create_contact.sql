-- Contacts (联系人, CATALOG 1.3): people at a customer. References the customer by id.
create sequence contact_seq increment by 50;

create table contact (
    id                  bigint      not null,
    customer_id         bigint      not null,
    name                text        not null,
    title               text,
    department          text,
    mobile              text,
    office_phone        text,
    phone_digits        text,
    email               text,
    wechat              text,
    birthday            date,
    responsible         boolean     not null default false,
    decision_maker      boolean     not null default false,
    preferred_channel   text,
    best_time           text,
    do_not_contact      boolean     not null default false,
    notes               text,
    name_bigrams        text[]      generated always as (kehu_bigrams(lower(name))) stored,
    version             bigint      not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint contact_pk primary key (id),
    constraint contact_customer_fk foreign key (customer_id) references customer (id),
    constraint contact_name_ck check (char_length(name) between 1 and 100),
    constraint contact_channel_ck check (preferred_channel in ('PHONE', 'MOBILE', 'WECHAT', 'EMAIL', 'SMS', 'VISIT'))
);
create index contact_customer_idx on contact (customer_id, name);
create index contact_name_idx on contact (name, id);
create index contact_name_bigrams_idx on contact using gin (name_bigrams);
create index contact_phone_prefix_idx on contact (phone_digits text_pattern_ops);
create index contact_email_prefix_idx on contact (lower(email) text_pattern_ops);
