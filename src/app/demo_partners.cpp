#include "app/demo_partners.h"

#include <chrono>

#include "access/password.h"
#include "access/user_store.h"
#include "app/demo.h"
#include "core/date.h"
#include "core/time.h"
#include "partners/store.h"

namespace atb::app {
namespace {

using storage::params;

struct DemoPartner {
  const char* kind;
  const char* name;
  const char* address;
  const char* phone;
  const char* email;
  const char* contact;
  const char* position;
};

// The first two names are those the demo cases' plan tasks name (cases/sample_texts.cpp).
const DemoPartner kPartners[] = {
    {"school", "Liepājas 5. vidusskola", "Ganību iela 36, Liepāja", "+371 63424000", "5vsk@liepaja.edu.lv",
     "Sandra Ozoliņa", "Sociālā pedagoģe"},
    {"ngo", "Dienas centrs “Saulespuķe”", "Rīgas iela 5, Liepāja", "+371 63400001", "saulespuke@example.lv",
     "Gunta Riekstiņa", "Vadītāja"},
    {"kindergarten", "Liepājas PII “Pasaciņa”", "Vītolu iela 2, Liepāja", "+371 63400002", "pasacina@liepaja.edu.lv",
     "Līga Sproģe", "Vadītājas vietniece"},
    {"orphans_court", "Liepājas bāriņtiesa", "Rožu iela 6, Liepāja", "+371 63404750", "barintiesa@liepaja.lv",
     "Māra Lāce", "Bāriņtiesas locekle"},
    {"police", "Liepājas pašvaldības policija", "Ziemeļu iela 19, Liepāja", "+371 63404888", "policija@liepaja.lv",
     "Andris Kalējs", "Inspektors darbam ar nepilngadīgajiem"},
    {"ngo", "Biedrība “Atbalsts ģimenēm”", "Peldu iela 14, Liepāja", "+371 26000003", "info@atbalstsgimenem.example.lv",
     "Ieva Strazdiņa", "Projektu koordinatore"},
    {"health", "Ģimenes ārsta prakse", "Slimnīcas iela 25, Liepāja", "+371 63400004", "prakse@example.lv",
     "Dr. Ilona Bērziņa", "Ģimenes ārste"},
};

struct DemoPartnerUser {
  const char* username;
  const char* full_name;
  const char* partner;
};

const DemoPartnerUser kUsers[] = {
    {"pedagogs", "Sandra Ozoliņa", "Liepājas 5. vidusskola"},
    {"bariniesa", "Māra Lāce", "Liepājas bāriņtiesa"},
};

}  // namespace

Result<DemoCount> load_demo_partners(storage::Database& db) {
  const std::string password_hash = access::hash_password(kDemoPassword);
  return db.write([&](storage::Connection& c) -> Result<DemoCount> {
    DemoCount count;
    ATB_TRY_ASSIGN(m, c.query("SELECT id FROM municipality WHERE code = 'liepaja'"));
    if (m.empty()) return count;
    const std::int64_t municipality = m[0].integer(0);
    const std::string now = now_utc_iso();
    for (const DemoPartner& d : kPartners) {
      ATB_TRY_ASSIGN(found, c.query("SELECT id FROM partner WHERE municipality_id = ? AND name = ?",
                                    params(municipality, d.name)));
      std::int64_t id = 0;
      if (!found.empty()) {
        id = found[0].integer(0);
        ++count.existing;
      } else {
        partners::Partner p;
        p.municipality_id = municipality;
        p.kind = d.kind;
        p.name = d.name;
        p.address = d.address;
        p.phone = d.phone;
        p.email = d.email;
        p.contacts.push_back({0, d.contact, std::string(d.position), std::string(d.phone), std::string(d.email)});
        ATB_TRY_ASSIGN_TO(id, partners::insert_partner(c, p, now));
        ++count.created;
      }
      // The demo cases' tasks that name the institution are its tasks.
      ATB_TRY(c.execute("UPDATE case_task SET responsible_partner_id = ? WHERE responsible_kind = 'partner'"
                        " AND responsible_partner = ? AND responsible_partner_id IS NULL",
                        params(id, d.name)));
    }
    for (const DemoPartnerUser& u : kUsers) {
      ATB_TRY_ASSIGN(existing, access::find_user_id(c, u.username));
      if (existing) {
        ++count.existing;
        continue;
      }
      ATB_TRY_ASSIGN(partner, c.query("SELECT id FROM partner WHERE municipality_id = ? AND name = ?",
                                      params(municipality, u.partner)));
      access::NewUser nu{u.username, u.full_name, std::nullopt, municipality, password_hash, {access::Role::partner}, {}};
      nu.partner_id = partner[0].integer(0);
      ATB_TRY(access::insert_user(c, nu));
      ++count.created;
    }
    // One open request of the orphan's court, due in two weeks.
    ATB_TRY_ASSIGN(asked, c.query("SELECT COUNT(*) FROM partner_request WHERE municipality_id = ?", params(municipality)));
    if (asked[0].integer(0) == 0) {
      ATB_TRY_ASSIGN(court, c.query("SELECT p.id, u.id FROM partner p JOIN app_user u ON u.partner_id = p.id"
                                    " WHERE p.municipality_id = ? AND p.kind = 'orphans_court' ORDER BY u.id",
                                    params(municipality)));
      if (!court.empty()) {
        partners::InfoRequest r;
        r.municipality_id = municipality;
        r.partner_id = court[0].integer(0);
        r.requested_by = court[0].integer(1);
        r.subject_name = "Laura Kalniņa";
        r.subject_birth_date = "2014-05-12";
        r.case_reference = "BT 2026/114";
        r.question = "Lūdzam sniegt atzinumu par ģimenes situāciju un sadarbību ar sociālo dienestu lietā par "
                     "aizgādības tiesību pārtraukšanu.";
        const auto due = std::chrono::system_clock::now() + std::chrono::hours(24 * 14);
        r.due_on = riga_date_at(due).iso();
        r.created_at = now;
        ATB_TRY(partners::insert_request(c, r));
        ++count.created;
      }
    }
    return count;
  });
}

}  // namespace atb::app
