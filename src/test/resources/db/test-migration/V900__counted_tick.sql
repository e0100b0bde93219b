-- test only: the ticks QuartzClusterTest's counting job ran for
CREATE TABLE counted_tick (fire_time BIGINT NOT NULL, node VARCHAR(40) NOT NULL);
