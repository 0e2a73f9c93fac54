-- Deals newest first within a creation period: the list behind a funnel stage (/analytics/deals) walks this index and
-- stops after a page, instead of sorting a year's deals (485 ms -> 6-12 ms at 1M deals, docs/benchmarks.md).
-- "if not exists": the benchmark database got it by hand before this migration.
create index if not exists opportunity_created_idx on opportunity (created_at desc, id desc);
