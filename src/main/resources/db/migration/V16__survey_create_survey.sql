-- Satisfaction surveys (满意度调查, CATALOG 1.10, 3.3, 4.12): the attributes rated one by one, the invitations sent
-- after a closed ticket or a completed order (a single-use link whose token is stored only as its SHA-256 hash), and
-- the responses with their per-attribute ratings. Every rating is range-checked here as well as on the form.
create sequence survey_attribute_seq increment by 50;
create sequence survey_invitation_seq increment by 50;
create sequence survey_response_seq increment by 50;

create table survey_attribute (
    id         bigint      not null,
    code       text        not null,
    label_en   text        not null,
    label_zh   text        not null,
    position   integer     not null default 0,
    active     boolean     not null default true,
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint survey_attribute_pk primary key (id),
    constraint survey_attribute_code_uk unique (code),
    constraint survey_attribute_code_ck check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    constraint survey_attribute_label_en_ck check (char_length(label_en) between 1 and 100),
    constraint survey_attribute_label_zh_ck check (char_length(label_zh) between 1 and 100)
);
insert into survey_attribute (id, code, label_en, label_zh, position) values
    (nextval('survey_attribute_seq'), 'PRODUCT_QUALITY', 'Product quality', '产品质量', 10),
    (nextval('survey_attribute_seq'), 'SERVICE_ATTITUDE', 'Service attitude', '服务态度', 20),
    (nextval('survey_attribute_seq'), 'RESPONSE_SPEED', 'Response speed', '响应速度', 30),
    (nextval('survey_attribute_seq'), 'PRICE', 'Price', '价格', 40),
    (nextval('survey_attribute_seq'), 'DELIVERY', 'Delivery', '交付', 50);

-- One invitation per closed ticket or completed order; the raw token is never stored.
create table survey_invitation (
    id          bigint      not null,
    token_hash  bytea       not null,
    customer_id bigint      not null,
    ticket_id   bigint,
    order_id    bigint,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint survey_invitation_pk primary key (id),
    constraint survey_invitation_token_uk unique (token_hash),
    constraint survey_invitation_token_ck check (octet_length(token_hash) = 32),
    constraint survey_invitation_customer_fk foreign key (customer_id) references customer (id),
    constraint survey_invitation_ticket_fk foreign key (ticket_id) references ticket (id),
    constraint survey_invitation_order_fk foreign key (order_id) references sales_order (id),
    constraint survey_invitation_subject_ck check ((ticket_id is null) <> (order_id is null))
);
create unique index survey_invitation_ticket_uk on survey_invitation (ticket_id) where ticket_id is not null;
create unique index survey_invitation_order_uk on survey_invitation (order_id) where order_id is not null;
create index survey_invitation_customer_idx on survey_invitation (customer_id, created_at desc);

-- A response, from the link (channel LINK) or recorded by staff over the phone (PHONE). At most one per ticket and
-- one per order, so a satisfaction figure never counts the same service twice.
create table survey_response (
    id                bigint      not null,
    customer_id       bigint      not null,
    ticket_id         bigint,
    order_id          bigint,
    invitation_id     bigint,
    channel           text        not null,
    overall           smallint    not null,
    expectation       smallint    not null,
    performance       smallint    not null,
    repurchase_intent smallint    not null,
    recommend         smallint    not null,
    comment           text,
    recorded_by       bigint,
    version           bigint      not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    constraint survey_response_pk primary key (id),
    constraint survey_response_customer_fk foreign key (customer_id) references customer (id),
    constraint survey_response_ticket_fk foreign key (ticket_id) references ticket (id),
    constraint survey_response_order_fk foreign key (order_id) references sales_order (id),
    constraint survey_response_invitation_fk foreign key (invitation_id) references survey_invitation (id),
    constraint survey_response_recorded_by_fk foreign key (recorded_by) references app_user (id),
    constraint survey_response_invitation_uk unique (invitation_id),
    constraint survey_response_channel_ck check (channel in ('LINK', 'PHONE')),
    constraint survey_response_overall_ck check (overall between 1 and 5),
    constraint survey_response_expectation_ck check (expectation between 1 and 5),
    constraint survey_response_performance_ck check (performance between 1 and 5),
    constraint survey_response_repurchase_ck check (repurchase_intent between 1 and 5),
    constraint survey_response_recommend_ck check (recommend between 0 and 10),
    constraint survey_response_comment_ck check (comment is null or char_length(comment) <= 2000),
    constraint survey_response_recorder_ck check (channel = 'LINK' or recorded_by is not null)
);
-- a customer's responses newest first (timeline, API filter); the list newest first; one per ticket and order
create index survey_response_customer_idx on survey_response (customer_id, created_at desc, id desc);
create index survey_response_created_idx on survey_response (created_at desc, id desc);
create unique index survey_response_ticket_uk on survey_response (ticket_id) where ticket_id is not null;
create unique index survey_response_order_uk on survey_response (order_id) where order_id is not null;
create index survey_response_recorded_by_idx on survey_response (recorded_by) where recorded_by is not null;

-- Per-attribute ratings (满意程度指标): a child table so each score carries its CHECK and joins its attribute.
create table survey_rating (
    response_id    bigint   not null,
    attribute_code text     not null,
    score          smallint not null,
    constraint survey_rating_pk primary key (response_id, attribute_code),
    constraint survey_rating_response_fk foreign key (response_id) references survey_response (id) on delete cascade,
    constraint survey_rating_attribute_fk foreign key (attribute_code) references survey_attribute (code),
    constraint survey_rating_score_ck check (score between 1 and 5)
);
create index survey_rating_attribute_idx on survey_rating (attribute_code);
