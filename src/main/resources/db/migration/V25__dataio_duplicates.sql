-- Duplicate customers and merges (issue 6). A merged customer is archived, not deleted (its history and audit
-- trail keep pointing at it), and remembers the customer it went into.
alter table customer add column merged_into_id bigint;
alter table customer add constraint customer_merged_into_fk foreign key (merged_into_id) references customer (id);

-- Likely duplicate pairs, filled by a background scan (dataio.DuplicateScan) and read by the review list. One row
-- per pair, the lower id first; a dismissed pair ("not duplicates") stays, so the next scan does not bring it back.
create table customer_duplicate_candidate (
    low_id       bigint       not null,
    high_id      bigint       not null,
    same_phone   boolean      not null default false,
    same_email   boolean      not null default false,
    -- bigram overlap of the lower-cased names (0..1) when the names are similar and the region is the same
    name_score   numeric(4,3),
    score        numeric(4,3) not null,
    found_at     timestamptz  not null,
    dismissed    boolean      not null default false,
    dismissed_by bigint,
    dismissed_at timestamptz,
    constraint customer_duplicate_candidate_pk primary key (low_id, high_id),
    constraint customer_duplicate_candidate_order_ck check (low_id < high_id),
    constraint customer_duplicate_candidate_low_fk foreign key (low_id) references customer (id) on delete cascade,
    constraint customer_duplicate_candidate_high_fk foreign key (high_id) references customer (id) on delete cascade,
    constraint customer_duplicate_candidate_dismissed_by_fk foreign key (dismissed_by) references app_user (id)
);
create index customer_duplicate_candidate_open_idx on customer_duplicate_candidate (score desc, low_id, high_id)
    where not dismissed;
create index customer_duplicate_candidate_high_idx on customer_duplicate_candidate (high_id);

-- Blocking keys for the scan: equal phone digits and equal e-mail addresses are found through these, not by a
-- self-join of every customer.
create index customer_phone_digits_idx on customer (phone_digits) where phone_digits is not null and not archived;
create index customer_lower_email_idx on customer (lower(email)) where email is not null and not archived;

-- How many customers of a region have each name bigram, rebuilt by every scan. The name phase looks up only the
-- rarest bigrams of each name (prefix filtering: two names with a Jaccard overlap >= t share at least one of the
-- |A| - ceil(t|A|) + 1 rarest bigrams of either), so 有限 and 公司 never fan out to a whole region. Derived data, so
-- unlogged.
create unlogged table customer_bigram_frequency (
    region text    not null,
    bigram text    not null,
    n      integer not null,
    constraint customer_bigram_frequency_pk primary key (region, bigram)
);

-- The last scan, for the progress line on the review screen (one row).
create table customer_duplicate_scan (
    id          integer     not null,
    status      text        not null,
    phase       text,
    pairs_found integer     not null default 0,
    started_at  timestamptz,
    finished_at timestamptz,
    started_by  bigint,
    constraint customer_duplicate_scan_pk primary key (id),
    constraint customer_duplicate_scan_one_ck check (id = 1),
    constraint customer_duplicate_scan_status_ck check (status in ('IDLE', 'RUNNING', 'DONE', 'FAILED'))
);
insert into customer_duplicate_scan (id, status) values (1, 'IDLE');
