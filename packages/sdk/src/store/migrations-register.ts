import type { Kysely, Migration } from "kysely";
import type { Dialect } from "./migrations";

/**
 * Skolenhetsregistret: every organizer of Sweden with its legal and company status, and
 * where a row came from; and Skolinspektionen's documents per school unit. Organizers that
 * leave the register stay (dialogues refer to them) with status `inactive`.
 */
export function registerMigration(dialect: Dialect): Migration {
  const big = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("organizers")
        .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
        .execute();
      // `register` (Skolenhetsregistret), `export`, `api` (Planned Educations) or `manual`.
      await db.schema.alterTable("organizers").addColumn("source", "text").execute();
      await db.schema.alterTable("organizers").addColumn("register_type", "text").execute();
      await db.schema.alterTable("organizers").addColumn("legal_entity_status", "text").execute();
      await db.schema.alterTable("organizers").addColumn("company_status", "text").execute();
      await db.schema.alterTable("organizers").addColumn("company_form", "text").execute();
      await db.schema.alterTable("organizers").addColumn("register_seen_at", big).execute();
      await db.schema.alterTable("school_units").addColumn("register_seen_at", big).execute();
      await db.schema.createIndex("organizers_status").on("organizers").columns(["status", "municipality_code"]).execute();
      await db.schema
        .createTable("inspection_documents")
        .addColumn("school_unit_code", "text", (c) => c.notNull())
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("school_form", "text", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("type_id", "text")
        .addColumn("title", "text", (c) => c.notNull())
        // Local date (`2024-03-01`) or school term (`VT24`) as read from the title; null when none.
        .addColumn("period", "text")
        .addColumn("sort_key", "text")
        .addColumn("updated_at", big, (c) => c.notNull())
        .addPrimaryKeyConstraint("inspection_documents_pk", ["school_unit_code", "url"])
        .execute();
    },
  };
}
