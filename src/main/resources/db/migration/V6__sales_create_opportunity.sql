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
-- the board's cards: open deals per owner and stage in close-date order, and the same for the whole company
create index opportunity_open_idx on opportunity (owner_id, stage, expected_close_date, id) where closed_on is null;
create index opportunity_open_stage_idx on opportunity (stage, expected_close_date, id) where closed_on is null;
-- the board's won and lost columns (deals closed lately), per owner and for the whole company
create index opportunity_closed_idx on opportunity (owner_id, stage, closed_on desc, id desc)
    include (amount, currency) where closed_on is not null;
create index opportunity_closed_stage_idx on opportunity (stage, closed_on desc, id desc)
    include (owner_id, amount, currency) where closed_on is not null;
-- the list in its default order (expected close), for everybody and per owner
create index opportunity_close_date_idx on opportunity (expected_close_date, id);
create index opportunity_owner_close_date_idx on opportunity (owner_id, expected_close_date, id);
create index opportunity_name_bigrams_idx on opportunity using gin (name_bigrams);
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

-- Running totals for the board and the forecast, kept by statement triggers in the same transaction as every change
-- (so they are exact, and a bulk statement such as a handover updates them once): open deals per owner, stage and
-- currency; and per owner, month and currency the open deals by expected close month and the won deals by the month
-- they closed. A company board or forecast over a million deals then sums a few thousand rows.
create table opportunity_open_total (
    owner_id    bigint        not null,
    stage       text          not null,
    currency    char(3)       not null,
    deals       bigint        not null,
    amount      numeric(21,2) not null,
    weighted100 numeric(24,2) not null,
    constraint opportunity_open_total_pk primary key (owner_id, stage, currency)
);

create table opportunity_month_total (
    owner_id    bigint        not null,
    month       date          not null,
    currency    char(3)       not null,
    open_deals  bigint        not null,
    pipeline    numeric(21,2) not null,
    weighted100 numeric(24,2) not null,
    won_deals   bigint        not null,
    won         numeric(21,2) not null,
    constraint opportunity_month_total_pk primary key (owner_id, month, currency)
);
create index opportunity_month_total_month_idx on opportunity_month_total (month);

-- One statement trigger for inserts, updates and deletes: the changed rows (+1 for new versions, -1 for old ones, from
-- the statement's transition tables) are added to both totals. Keys are locked in order, so two concurrent statements
-- cannot deadlock on them. The row source is one of three constant strings.
create function opportunity_totals() returns trigger language plpgsql as $$
declare
    changes text := case tg_op
        when 'INSERT' then 'select 1 as sign, * from new_rows'
        when 'UPDATE' then 'select 1 as sign, * from new_rows union all select -1, * from old_rows'
        else 'select -1 as sign, * from old_rows' end;
begin
    execute format($sql$
        with c as (%s),
        open_totals as (
            insert into opportunity_open_total as t (owner_id, stage, currency, deals, amount, weighted100)
            select owner_id, stage, currency, sum(sign), sum(sign * amount), sum(sign * amount * probability)
            from c where closed_on is null
            group by owner_id, stage, currency
            order by owner_id, stage, currency
            on conflict (owner_id, stage, currency) do update
                set deals = t.deals + excluded.deals, amount = t.amount + excluded.amount,
                    weighted100 = t.weighted100 + excluded.weighted100
            returning 1)
        insert into opportunity_month_total as t
            (owner_id, month, currency, open_deals, pipeline, weighted100, won_deals, won)
        select owner_id, month, currency, sum(open_deals), sum(pipeline), sum(weighted100), sum(won_deals), sum(won)
        from (select owner_id, date_trunc('month', expected_close_date)::date as month, currency,
                     sign as open_deals, sign * amount as pipeline, sign * amount * probability as weighted100,
                     0 as won_deals, 0 as won
              from c where closed_on is null
              union all
              select owner_id, date_trunc('month', closed_on)::date, currency, 0, 0, 0, sign, sign * amount
              from c where stage = 'WON') d
        group by owner_id, month, currency
        order by owner_id, month, currency
        on conflict (owner_id, month, currency) do update
            set open_deals = t.open_deals + excluded.open_deals, pipeline = t.pipeline + excluded.pipeline,
                weighted100 = t.weighted100 + excluded.weighted100, won_deals = t.won_deals + excluded.won_deals,
                won = t.won + excluded.won
        $sql$, changes);
    return null;
end $$;

create trigger opportunity_totals_insert after insert on opportunity
    referencing new table as new_rows for each statement execute function opportunity_totals();
create trigger opportunity_totals_update after update on opportunity
    referencing old table as old_rows new table as new_rows for each statement execute function opportunity_totals();
create trigger opportunity_totals_delete after delete on opportunity
    referencing old table as old_rows for each statement execute function opportunity_totals();
