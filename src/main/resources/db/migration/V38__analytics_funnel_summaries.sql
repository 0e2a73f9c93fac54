-- Funnel summaries (issue 7, 1M deals with 3.3M stage changes): what the funnel reads instead of aggregating the
-- period's stage history and deals on each request. Built by each metrics refresh (FunnelSummaries) and put in place
-- in the transaction that swaps in customer_metrics; derived data, unlogged like the other summaries. Days are those
-- of the database session's time zone, the same as the period bounds the report binds.

-- Stage entries per day: how many times deals of an owner (the deal's current owner) entered each stage that day.
create unlogged table analytics_stage_entry_day (
    day      date    not null,
    owner_id bigint  not null,
    stage    text    not null,
    entries  integer not null,
    constraint analytics_stage_entry_day_pk primary key (day, owner_id, stage)
);

-- Per day and owner of the deal: the deals created that day and how many of them had reached each stage by the
-- refresh (the cohort funnel; a later stage counts as having passed the ones before), and the deals closed that day:
-- won, lost and the days from creation to each win, summed (the average sales cycle is their sum over the wins).
create unlogged table analytics_funnel_day (
    day                 date    not null,
    owner_id            bigint  not null,
    created             integer not null,
    reached_prospecting integer not null,
    reached_qualification integer not null,
    reached_proposal    integer not null,
    reached_negotiation integer not null,
    reached_won         integer not null,
    won                 integer not null,
    lost                integer not null,
    won_cycle_days      bigint  not null,
    constraint analytics_funnel_day_pk primary key (day, owner_id)
);

-- Open deals (an open stage and not closed) per expected close day, owner and currency: how many, their amount and
-- their amount weighted by stage probability (unrounded; a report rounds its sum). The weighted pipeline is their sum,
-- the forecast their sum per month of the expected close (before the reader's today: overdue).
create unlogged table analytics_open_deal_day (
    expected_close_date date          not null,
    owner_id            bigint        not null,
    currency            character(3)  not null,
    deals               integer       not null,
    amount              numeric(19,2) not null,
    weighted            numeric       not null,
    constraint analytics_open_deal_day_pk primary key (expected_close_date, owner_id, currency)
);
