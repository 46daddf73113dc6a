// The opinion (atzinums) of the social service to the orphan's court (bāriņtiesa) or a court, as
// an A4 PDF in Latvian: the social service's letterhead, the addressee, date and reference number,
// the persons it concerns with their birth dates, the case sections the worker chose (situation
// assessment, cooperation plan, conclusions, …) as headings with paragraphs that flow over as many
// pages as they need, and the author's signature block with room for a signature and a date.
// Plain data in, bytes out: storing the PDF in the case and auditing its creation is the caller's.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace atb::cases {

/// A person the opinion is about.
struct OpinionPerson {
  std::string name;        ///< full name, e.g. "Anna Bērziņa"
  std::string birth_date;  ///< YYYY-MM-DD (printed 03.02.2015.); may be empty when not known
  std::string role;        ///< optional relation to the case, e.g. "māte", "bērns"
};

/// One chosen part of the case: a heading and its paragraphs (each may hold '\n' line breaks).
struct OpinionSection {
  std::string title;                    ///< e.g. "Situācijas novērtējums"
  std::vector<std::string> paragraphs;  ///< in order; empty paragraphs are skipped
};

/// Everything an opinion says. Dates are YYYY-MM-DD.
struct OpinionContent {
  std::string municipality;     ///< e.g. "Ādažu novada pašvaldība"
  std::string service;          ///< e.g. "Ādažu novada Sociālais dienests"
  std::string service_address;  ///< e.g. "Gaujas iela 33A, Ādaži, LV-2164"; optional
  std::string service_contact;  ///< phone / e-mail line; optional
  std::string addressee;          ///< e.g. "Ādažu novada bāriņtiesai" (dative, as on a letter)
  std::string addressee_address;  ///< optional
  std::string reference;  ///< the opinion's number, e.g. "SD/ATZ/2026/17"
  std::string date;       ///< the opinion's date
  std::string request;    ///< optional: what it answers, e.g. "Uz 20.01.2026. pieprasījumu Nr. 1-5/12"
  std::string subject;    ///< optional subject line, e.g. "Par Bērziņu ģimenes situāciju"
  std::vector<OpinionPerson> persons;    ///< at least one
  std::vector<OpinionSection> sections;  ///< at least one
  std::string author_name;      ///< e.g. "Līga Ķiploka"
  std::string author_position;  ///< e.g. "Sociālā darbiniece darbam ar ģimenēm ar bērniem"
};

/// The opinion as PDF bytes. Refuses (Errc::invalid, naming the field, e.g. "persons.1.birth_date"
/// or "sections.0.title") a missing municipality, service, addressee, reference, date, author name
/// or position; a date or birth date that is not a real YYYY-MM-DD date; no persons or a person
/// without a name; no sections, or a section without a title or without any text. Any failure of
/// the PDF writer (a missing font, text that is not UTF-8) is Errc::internal.
Result<std::string> opinion_pdf(const OpinionContent& opinion);

}  // namespace atb::cases
