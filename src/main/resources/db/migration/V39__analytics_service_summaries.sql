-- Service summaries (issue 7, 300,000 tickets / 200,000 survey answers): what the satisfaction and support reports
-- read instead of aggregating the period's answers and tickets on each request. Built by the metrics refresh like the
-- V34 summaries and put in place in the same transaction, so figures are as of the last refresh. One row per day (the
-- reports take any period of days) and per owner of the customer (the record rules: a scope's figures are the sums over
-- its owners' rows). Derived data, unlogged like customer_metrics.

-- Survey answers per answer day, customer owner, dimension and group: the counts and sums from which every measure of
-- SatisfactionReport.Measures is recomputed exactly. Dimensions: ALL (group ''; months are its rows grouped by month),
-- AGENT (the ticket's assignee id as text, '' for none; answers without a ticket have no row), CATEGORY (the ticket's
-- category code; answers without a ticket have no row), TIER (the value tier of the customer in the metrics of the same
-- refresh, NONE without one) and PRODUCT_CATEGORY (each category of the order answered about).
create unlogged table analytics_survey_day (
    dimension       text    not null,
    day             date    not null,
    owner_id        bigint  not null,
    group_key       text    not null,
    responses       integer not null,
    -- count and sum of each value a mean is taken of (avg skips nulls)
    overall_n       integer not null,
    overall_sum     integer not null,
    gap_n           integer not null,
    gap_sum         integer not null,
    repurchase_n    integer not null,
    repurchase_sum  integer not null,
    -- the shares' numerators (the denominator is responses)
    top_box         integer not null,
    repurchase_high integer not null,
    promoters       integer not null,
    detractors      integer not null,
    constraint analytics_survey_day_pk primary key (dimension, day, owner_id, group_key),
    constraint analytics_survey_day_dimension_ck
        check (dimension in ('ALL', 'AGENT', 'CATEGORY', 'TIER', 'PRODUCT_CATEGORY'))
);
comment on table analytics_survey_day is
    'Survey answers per answer day, customer owner, dimension and group: counts and sums of the satisfaction measures (metrics refresh).';

-- The attribute ratings of those answers with the same keys: the per-group attribute means of the CSI, and (ALL) the
-- attribute table.
create unlogged table analytics_survey_rating_day (
    dimension      text    not null,
    day            date    not null,
    owner_id       bigint  not null,
    group_key      text    not null,
    attribute_code text    not null,
    ratings        integer not null,
    score_sum      integer not null,
    constraint analytics_survey_rating_day_pk primary key (dimension, day, owner_id, group_key, attribute_code)
);
comment on table analytics_survey_rating_day is
    'Survey attribute ratings per answer day, customer owner, dimension, group and attribute: count and score sum (metrics refresh).';

-- Tickets per creation day, customer owner and assignee (null: none): counts and sums of the first response and
-- resolution hours, and the SLA judgements as the live report made them at the refresh (met: answered or resolved by
-- the due time; judged: also those open past it; open and not yet due: not judged).
create unlogged table analytics_ticket_day (
    day                   date    not null,
    owner_id              bigint  not null,
    assignee_id           bigint,
    tickets               integer not null,
    response_n            integer not null,
    response_hours        numeric not null,
    resolution_n          integer not null,
    resolution_hours      numeric not null,
    response_sla_met      integer not null,
    response_sla_judged   integer not null,
    resolution_sla_met    integer not null,
    resolution_sla_judged integer not null,
    constraint analytics_ticket_day_uk unique nulls not distinct (day, owner_id, assignee_id)
);
comment on table analytics_ticket_day is
    'Tickets per creation day, customer owner and assignee: response and resolution hours, SLA met and judged (metrics refresh).';

-- The medians' histogram: per creation day, customer owner, assignee and kind (RESPONSE: first response, RESOLUTION),
-- the tickets whose hours fall in each bucket, with the smallest and largest hours of the bucket. Buckets are 1 minute
-- wide below 2 hours (0-119), 10 minutes below 48 hours (120-395) and 1 hour beyond (396 on); ServiceSummaries.median
-- computes percentile_cont(0.5) over them.
create unlogged table analytics_ticket_duration_day (
    kind        text    not null,
    day         date    not null,
    owner_id    bigint  not null,
    assignee_id bigint,
    bucket      integer not null,
    tickets     integer not null,
    hours_min   numeric not null,
    hours_max   numeric not null,
    constraint analytics_ticket_duration_day_uk unique nulls not distinct (day, owner_id, assignee_id, kind, bucket),
    constraint analytics_ticket_duration_day_kind_ck check (kind in ('RESPONSE', 'RESOLUTION'))
);
comment on table analytics_ticket_duration_day is
    'Ticket response and resolution hours per creation day, customer owner, assignee and bucket: count, min and max (metrics refresh).';

-- Complaint tickets per creation day, customer owner and ticket category: the complaints by category and month, and
-- the complaint count of the satisfaction report.
create unlogged table analytics_complaint_day (
    day           date    not null,
    owner_id      bigint  not null,
    category_code text    not null,
    complaints    integer not null,
    constraint analytics_complaint_day_pk primary key (day, owner_id, category_code)
);
comment on table analytics_complaint_day is
    'Complaint tickets per creation day, customer owner and ticket category (metrics refresh).';
