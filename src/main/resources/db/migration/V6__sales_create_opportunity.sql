-- Opportunities (业务机会, CATALOG 1.5) and their stage history, which the funnel and sales-cycle reports read.
create sequence opportunity_seq increment by 50;
create sequence opportunity_stage_change_seq increment by 50;

create table opportunity (
    id                    bigint        not null,
    customer_id           bigint        not null,
    name                  text          not null,
    amount                numeric(19,2) not null,
    currency              char(3)       not null,
    expected_close_date   date          not null,
    type                  text          not null,
    owner_id              bigint        not null,
    stage                 text          not null,
    probability           integer       not null,
    next_step             text,
    competitor            text,
    loss_reason           text,
    source_lead_id        bigint,
    closed_on             date,
    stage_changed_at      timestamptz   not null,
    large_deal_alerted_at timestamptz,
    name_bigrams          text[]        generated always as (kehu_bigrams(lower(name))) stored,
    version               bigint        not null default 0,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    constraint opportunity_pk primary key (id),
    constraint opportunity_customer_fk foreign key (customer_id) references customer (id),
    constraint opportunity_owner_fk foreign key (owner_id) references app_user (id),
    constraint opportunity_lead_fk foreign key (source_lead_id) references lead (id),
    constraint opportunity_name_ck check (char_length(name) between 1 and 200),
    constraint opportunity_amount_ck check (amount >= 0),
    constraint opportunity_probability_ck check (probability between 0 and 100),
    constraint opportunity_type_ck check (type in ('NEW_BUSINESS', 'UP_SELL', 'CROSS_SELL')),
    constraint opportunity_stage_ck check (stage in ('PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION',
        'WON', 'LOST')),
    constraint opportunity_closed_ck check ((stage in ('WON', 'LOST')) = (closed_on is not null)),
    constraint opportunity_loss_reason_ck check (stage <> 'LOST' or loss_reason is not null)
);
-- the board: a rep's deals per stage in close-date order, and the column totals from the index alone
create index opportunity_board_idx on opportunity (owner_id, stage, expected_close_date, id)
    include (amount, probability, currency, closed_on);
-- the forecast (and the company board's totals): open deals by expected close month, from the index alone
create index opportunity_forecast_open_idx on opportunity (expected_close_date)
    include (owner_id, stage, amount, probability, currency) where closed_on is null;
-- deals closed lately (the board's won and lost columns)
create index opportunity_closed_idx on opportunity (closed_on desc, owner_id) include (stage) where closed_on is not null;
create index opportunity_name_bigrams_idx on opportunity using gin (name_bigrams);
-- won deals by the month they closed
create index opportunity_forecast_won_idx on opportunity (closed_on)
    include (owner_id, amount, currency) where stage = 'WON';
create index opportunity_customer_idx on opportunity (customer_id, created_at desc);
create index opportunity_lead_idx on opportunity (source_lead_id) where source_lead_id is not null;

create table opportunity_stage_change (
    id             bigint      not null,
    opportunity_id bigint      not null,
    from_stage     text,
    to_stage       text        not null,
    changed_by     bigint,
    changed_at     timestamptz not null,
    constraint opportunity_stage_change_pk primary key (id),
    constraint opportunity_stage_change_opportunity_fk foreign key (opportunity_id) references opportunity (id),
    constraint opportunity_stage_change_user_fk foreign key (changed_by) references app_user (id)
);
create index opportunity_stage_change_opportunity_idx on opportunity_stage_change (opportunity_id, changed_at desc);
create index opportunity_stage_change_time_idx on opportunity_stage_change (changed_at);
