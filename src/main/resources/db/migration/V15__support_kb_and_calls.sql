-- Solution knowledge base (解决方案, CATALOG 1.13, feature 39) and call records (呼叫记录, CATALOG 1.9, feature 41).
create sequence kb_article_seq increment by 50;
create sequence call_record_seq increment by 50;

-- Search works for Chinese (no word boundaries) and English alike through character bigrams of title and body
-- (kehu_bigrams, V3); LIKE rechecks the candidates the GIN index finds.
create table kb_article (
    id             bigint      not null,
    title          text        not null,
    body           text        not null,
    category_id    bigint,
    tags           text[]      not null default '{}',
    published      boolean     not null default false,
    published_at   timestamptz,
    author_id      bigint      not null,
    updated_by     bigint,
    use_count      integer     not null default 0,
    search_bigrams text[]      generated always as (kehu_bigrams(lower(title || ' ' || body))) stored,
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint kb_article_pk primary key (id),
    constraint kb_article_category_fk foreign key (category_id) references ticket_category (id),
    constraint kb_article_author_fk foreign key (author_id) references app_user (id),
    constraint kb_article_updated_by_fk foreign key (updated_by) references app_user (id),
    constraint kb_article_title_ck check (char_length(title) between 1 and 200),
    constraint kb_article_body_ck check (char_length(body) between 1 and 50000),
    constraint kb_article_use_count_ck check (use_count >= 0)
);
create index kb_article_search_idx on kb_article using gin (search_bigrams);
create index kb_article_category_idx on kb_article (category_id, updated_at desc) where category_id is not null;
create index kb_article_published_idx on kb_article (published, updated_at desc, id);
create index kb_article_author_idx on kb_article (author_id);
create index kb_article_updated_by_idx on kb_article (updated_by) where updated_by is not null;
create index kb_article_tags_idx on kb_article using gin (tags);

-- "Solved by": an article linked to a ticket. The pair is unique so a double click links once.
create table ticket_kb_article (
    ticket_id  bigint      not null,
    article_id bigint      not null,
    linked_by  bigint      not null,
    linked_at  timestamptz not null default now(),
    constraint ticket_kb_article_pk primary key (ticket_id, article_id),
    constraint ticket_kb_article_ticket_fk foreign key (ticket_id) references ticket (id),
    constraint ticket_kb_article_article_fk foreign key (article_id) references kb_article (id),
    constraint ticket_kb_article_user_fk foreign key (linked_by) references app_user (id)
);
create index ticket_kb_article_article_idx on ticket_kb_article (article_id);
create index ticket_kb_article_linked_by_idx on ticket_kb_article (linked_by);

create table call_record (
    id           bigint      not null,
    direction    text        not null,
    phone        text        not null,
    phone_digits text        not null,
    customer_id  bigint,
    contact_id   bigint,
    agent_id     bigint      not null,
    started_at   timestamptz not null,
    duration_seconds integer not null default 0,
    outcome      text        not null,
    notes        text,
    ticket_id    bigint,
    version      bigint      not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint call_record_pk primary key (id),
    constraint call_record_customer_fk foreign key (customer_id) references customer (id),
    constraint call_record_contact_fk foreign key (contact_id) references contact (id),
    constraint call_record_agent_fk foreign key (agent_id) references app_user (id),
    constraint call_record_ticket_fk foreign key (ticket_id) references ticket (id),
    constraint call_record_direction_ck check (direction in ('INBOUND', 'OUTBOUND')),
    constraint call_record_outcome_ck check (outcome in ('ANSWERED', 'NO_ANSWER', 'BUSY', 'VOICEMAIL',
        'CALLBACK_REQUESTED')),
    constraint call_record_duration_ck check (duration_seconds between 0 and 86400),
    constraint call_record_phone_ck check (char_length(phone) between 1 and 40),
    constraint call_record_contact_customer_ck check (contact_id is null or customer_id is not null)
);
-- 5M calls: a customer's calls and an agent's calls by time, a ticket's calls, a number's history
create index call_record_customer_idx on call_record (customer_id, started_at desc) where customer_id is not null;
create index call_record_agent_idx on call_record (agent_id, started_at desc);
create index call_record_ticket_idx on call_record (ticket_id) where ticket_id is not null;
create index call_record_contact_idx on call_record (contact_id) where contact_id is not null;
create index call_record_started_idx on call_record (started_at desc, id);
create index call_record_phone_prefix_idx on call_record (phone_digits text_pattern_ops);
