-- 0030 the theatre kit catalogue staff keep on the kit page: each item gets
-- an id (pages name it in their addresses) and a mobile flag (rules.md
-- 3.6: mobile kit, an image intensifier or a laser on a trolley, goes to
-- any theatre within its count; fixed kit only to lists whose own kit
-- names it). Every item already counted stays fixed. Names are unique
-- ignoring case, as lists and cases compare them. SQLite cannot add a
-- primary key to a table, so the table is rebuilt; nothing references it.
CREATE TABLE theatre_kit_new (
    id     INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisation (id),
    name   TEXT NOT NULL,
    count  INTEGER NOT NULL CHECK (count >= 0),
    mobile INTEGER NOT NULL DEFAULT 0,
    UNIQUE (org_id, name)
);
INSERT INTO theatre_kit_new (org_id, name, count) SELECT org_id, name, count FROM theatre_kit ORDER BY org_id, name;
DROP TABLE theatre_kit;
ALTER TABLE theatre_kit_new RENAME TO theatre_kit;
CREATE UNIQUE INDEX theatre_kit_name_idx ON theatre_kit (org_id, LOWER(name));
