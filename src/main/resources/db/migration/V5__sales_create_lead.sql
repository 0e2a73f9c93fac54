-- Leads (销售线索 / 潜在客户, CATALOG 4.2, 4.3): possible customers not yet qualified. A lead without an owner sits in
-- the public pool (公海); a claimed one is a rep's private lead (私海).
create sequence lead_seq increment by 50;

create table lead (
    id                    bigint      not null,
    company_name          text,
    contact_name          text        not null,
    contact_title         text,
    phone                 text,
    phone_digits          text,
    email                 text,
    source                text        not null,
    prospect_list         text,
    status                text        not null,
    owner_id              bigint,
    claimed_at            timestamptz,
    last_follow_up_at     timestamptz,
    willing_to_buy        boolean,
    able_to_pay           boolean,
    has_authority         boolean,
    disqualify_reason     text,
    converted_customer_id bigint,
    notes                 text,
    version               bigint      not null default 0,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    constraint lead_pk primary key (id),
    constraint lead_owner_fk foreign key (owner_id) references app_user (id),
    constraint lead_customer_fk foreign key (converted_customer_id) references customer (id),
    constraint lead_status_ck check (status in ('NEW', 'WORKING', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED')),
    constraint lead_source_ck check (source in ('REFERRAL', 'DIRECTORY', 'PARTNER_LIST', 'ADVERTISING_REPLY',
        'CAMPAIGN', 'EXHIBITION', 'WEB_FORM', 'PHONE')),
    constraint lead_owner_claimed_ck check ((owner_id is null) = (claimed_at is null))
);
-- the pool and each rep's private leads, and the job that returns neglected leads to the pool
create index lead_owner_status_idx on lead (owner_id, status);
create index lead_pool_idx on lead (created_at desc) where owner_id is null;
create index lead_follow_up_idx on lead (coalesce(last_follow_up_at, claimed_at)) where owner_id is not null;
