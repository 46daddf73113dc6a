-- The version of what a service's page lists (services/roster_cache.h): its waiting and placed
-- referrals, each with the case's access columns, co-workers and the person's name. The server
-- keeps a service's roster between requests and reads it again only when this number moved,
-- so every change that could alter the page moves it, in the changing transaction: a referral
-- inserted, changed or removed; a case's municipality, department, team or lead worker; a
-- case's co-workers; a person's name.
ALTER TABLE service ADD COLUMN roster_version BIGINT NOT NULL DEFAULT 0;

{{sqlite}}
CREATE TRIGGER referral_roster_insert AFTER INSERT ON referral BEGIN
  UPDATE service SET roster_version = roster_version + 1 WHERE id = NEW.service_id;
END;
CREATE TRIGGER referral_roster_update AFTER UPDATE ON referral BEGIN
  UPDATE service SET roster_version = roster_version + 1 WHERE id IN (OLD.service_id, NEW.service_id);
END;
CREATE TRIGGER referral_roster_delete AFTER DELETE ON referral BEGIN
  UPDATE service SET roster_version = roster_version + 1 WHERE id = OLD.service_id;
END;
CREATE TRIGGER case_file_roster AFTER UPDATE OF municipality_id, department_id, team_id, lead_worker_id
ON case_file BEGIN
  UPDATE service SET roster_version = roster_version + 1
  WHERE id IN (SELECT service_id FROM referral WHERE case_id = NEW.id);
END;
CREATE TRIGGER case_worker_roster_insert AFTER INSERT ON case_worker BEGIN
  UPDATE service SET roster_version = roster_version + 1
  WHERE id IN (SELECT service_id FROM referral WHERE case_id = NEW.case_id);
END;
CREATE TRIGGER case_worker_roster_update AFTER UPDATE ON case_worker BEGIN
  UPDATE service SET roster_version = roster_version + 1
  WHERE id IN (SELECT service_id FROM referral WHERE case_id IN (OLD.case_id, NEW.case_id));
END;
CREATE TRIGGER case_worker_roster_delete AFTER DELETE ON case_worker BEGIN
  UPDATE service SET roster_version = roster_version + 1
  WHERE id IN (SELECT service_id FROM referral WHERE case_id = OLD.case_id);
END;
CREATE TRIGGER person_roster AFTER UPDATE OF given_names, surname ON person BEGIN
  UPDATE service SET roster_version = roster_version + 1
  WHERE id IN (SELECT service_id FROM referral WHERE person_id = NEW.id);
END;
{{end}}
{{postgresql}}
CREATE FUNCTION service_roster_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'referral' THEN
    UPDATE service SET roster_version = roster_version + 1
    WHERE id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.service_id END,
                 CASE WHEN TG_OP <> 'DELETE' THEN NEW.service_id END);
  ELSIF TG_TABLE_NAME = 'case_file' THEN
    UPDATE service SET roster_version = roster_version + 1
    WHERE id IN (SELECT service_id FROM referral WHERE case_id = NEW.id);
  ELSIF TG_TABLE_NAME = 'case_worker' THEN
    UPDATE service SET roster_version = roster_version + 1
    WHERE id IN (SELECT service_id FROM referral
                 WHERE case_id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.case_id END,
                                   CASE WHEN TG_OP <> 'DELETE' THEN NEW.case_id END));
  ELSE
    UPDATE service SET roster_version = roster_version + 1
    WHERE id IN (SELECT service_id FROM referral WHERE person_id = NEW.id);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER referral_roster AFTER INSERT OR UPDATE OR DELETE ON referral
  FOR EACH ROW EXECUTE FUNCTION service_roster_moved();
CREATE TRIGGER case_file_roster AFTER UPDATE OF municipality_id, department_id, team_id, lead_worker_id
  ON case_file FOR EACH ROW EXECUTE FUNCTION service_roster_moved();
CREATE TRIGGER case_worker_roster AFTER INSERT OR UPDATE OR DELETE ON case_worker
  FOR EACH ROW EXECUTE FUNCTION service_roster_moved();
CREATE TRIGGER person_roster AFTER UPDATE OF given_names, surname ON person
  FOR EACH ROW EXECUTE FUNCTION service_roster_moved();
{{end}}
