-- Subscriptions stored their days as 'daily' or 'weekdays'; they are now a mask of weekdays (bit 0 = Monday),
-- so any set of days can be chosen. 0007 drops the old column once every row has its mask.
UPDATE "subscriptions" SET "day_mask" = CASE "days" WHEN 'daily' THEN 127 ELSE 31 END WHERE "day_mask" IS NULL;
