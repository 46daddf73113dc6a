// Rules of the mentor service without I/O: a register entry (staff or volunteer, contacts,
// training date, max mentees; 422 naming the field), a mentor's capacity (409 naming
// override_reason unless overridden), the start of a pairing and its overlap with the
// referral's other pairings (409 while one is active, 422 naming from_on for an overlap with an
// ended one; the end day is free), the end of a pairing, a meeting (422 naming the field) and
// what a meeting counts in the delivery log.
#include "services/mentor_rules.h"

#include <gtest/gtest.h>

namespace atb::services {
namespace {

template <class T>
std::string field_of(const Result<T>& r) {
  return !r && !r.error().fields.empty() ? r.error().fields[0].field : "";
}
template <class T>
Errc code_of(const Result<T>& r) {
  return r ? Errc::internal : r.error().code;
}

const Date kToday{2026, 11, 26}, kJan1{2026, 1, 1}, kMar1{2026, 3, 1}, kJun1{2026, 6, 1};

Mentor volunteer() {
  Mentor m;
  m.kind = "volunteer";
  m.name = "  Laura Kalniņa ";
  m.phone = "+371 2612 3456";
  m.trained_on = "2026-02-01";
  m.max_mentees = 2;
  return m;
}

TEST(MentorRules, AVolunteerNeedsANameAContactAndAPastTrainingDate) {
  Mentor ok_one = volunteer();
  ASSERT_TRUE(check_mentor(ok_one, kToday));
  EXPECT_EQ(ok_one.name, "Laura Kalniņa");  // trimmed

  Mentor blank = volunteer();
  blank.name = "   ";
  EXPECT_EQ(field_of(check_mentor(blank, kToday)), "name");
  Mentor no_contact = volunteer();
  no_contact.phone.reset();
  EXPECT_EQ(field_of(check_mentor(no_contact, kToday)), "phone");
  no_contact.email = "laura@example.lv";
  EXPECT_TRUE(check_mentor(no_contact, kToday));
  Mentor bad_phone = volunteer();
  bad_phone.phone = "zvaniet vakarā";
  EXPECT_EQ(field_of(check_mentor(bad_phone, kToday)), "phone");
  bad_phone.phone = "123";  // too few digits
  EXPECT_EQ(field_of(check_mentor(bad_phone, kToday)), "phone");
  Mentor bad_email = volunteer();
  for (const char* e : {"laura", "laura@", "@example.lv", "laura@lv", "a@b@c.lv"}) {
    bad_email.email = e;
    EXPECT_EQ(field_of(check_mentor(bad_email, kToday)), "email") << e;
  }
  Mentor future = volunteer();
  future.trained_on = "2026-11-27";
  EXPECT_EQ(field_of(check_mentor(future, kToday)), "trained_on");
  future.trained_on = "2026-02-30";
  EXPECT_EQ(field_of(check_mentor(future, kToday)), "trained_on");
  Mentor many = volunteer();
  many.max_mentees = kMaxMentees + 1;
  EXPECT_EQ(field_of(check_mentor(many, kToday)), "max_mentees");
  many.max_mentees = 0;
  EXPECT_EQ(code_of(check_mentor(many, kToday)), Errc::invalid);
  Mentor as_user = volunteer();
  as_user.user_id = 5;
  EXPECT_EQ(field_of(check_mentor(as_user, kToday)), "user_id");
  Mentor odd = volunteer();
  odd.kind = "teacher";
  EXPECT_EQ(field_of(check_mentor(odd, kToday)), "kind");
}

TEST(MentorRules, AStaffMentorIsAUserWithoutOwnNameOrContacts) {
  Mentor staff;
  staff.kind = "staff";
  staff.trained_on = "2025-09-01";
  EXPECT_EQ(field_of(check_mentor(staff, kToday)), "user_id");
  staff.user_id = 7;
  EXPECT_TRUE(check_mentor(staff, kToday));
  staff.email = "x@y.lv";
  EXPECT_EQ(field_of(check_mentor(staff, kToday)), "email");
  staff.email.reset();
  staff.name = "Cits vārds";
  EXPECT_EQ(field_of(check_mentor(staff, kToday)), "name");
}

TEST(MentorRules, CapacityNeedsAnOverrideBeyondTheLimit) {
  EXPECT_TRUE(check_mentor_capacity(0, 1, std::nullopt));
  EXPECT_TRUE(check_mentor_capacity(2, 3, std::nullopt));
  const auto full = check_mentor_capacity(3, 3, std::nullopt);
  EXPECT_EQ(code_of(full), Errc::conflict);
  EXPECT_EQ(field_of(full), "override_reason");
  EXPECT_NE(full.error().fields[0].message.en.find("3 / 3"), std::string::npos)
      << full.error().fields[0].message.en;
  EXPECT_NE(full.error().fields[0].message.lv.find("nav brīvas vietas"), std::string::npos);
  EXPECT_TRUE(check_mentor_capacity(3, 3, std::string("Brālis jau pie šī mentora")));
  EXPECT_EQ(code_of(check_mentor_capacity(5, 3, std::nullopt)), Errc::conflict);
}

TEST(MentorRules, APairingStartsAfterThePlacementAndTheTraining) {
  EXPECT_EQ(*check_pairing_start("2026-03-01", kJan1, kJan1, kToday), kMar1);
  EXPECT_EQ(field_of(check_pairing_start("2025-12-31", kJan1, kJan1, kToday)), "from_on");
  const auto before_training = check_pairing_start("2026-02-01", kJan1, kMar1, kToday);
  EXPECT_EQ(field_of(before_training), "from_on");
  EXPECT_NE(before_training.error().fields[0].message.en.find("training"), std::string::npos);
  EXPECT_EQ(field_of(check_pairing_start("2028-01-01", kJan1, kJan1, kToday)), "from_on");
  EXPECT_EQ(field_of(check_pairing_start("1.3.2026", kJan1, kJan1, kToday)), "from_on");
}

TEST(MentorRules, OnePairingAtATimeAndTheEndDayIsFree) {
  EXPECT_TRUE(check_pairing_overlap(kMar1, {}));
  const std::vector<StaySpan> active{{1, {kJan1, std::nullopt}}};
  const auto busy = check_pairing_overlap(kJun1, active);
  EXPECT_EQ(code_of(busy), Errc::conflict);
  EXPECT_EQ(field_of(busy), "mentor_id");
  const std::vector<StaySpan> ended{{1, {kJan1, kMar1}}};
  EXPECT_TRUE(check_pairing_overlap(kMar1, ended));  // starts on the end day
  EXPECT_TRUE(check_pairing_overlap(kJun1, ended));
  const auto overlap = check_pairing_overlap(Date{2026, 2, 1}, ended);
  EXPECT_EQ(code_of(overlap), Errc::invalid);
  EXPECT_EQ(field_of(overlap), "from_on");
  EXPECT_NE(overlap.error().fields[0].message.en.find("2026-03-01"), std::string::npos);
  // A new open pairing from before an ended one overlaps it too.
  EXPECT_EQ(field_of(check_pairing_overlap(Date{2025, 12, 1}, ended)), "from_on");
}

TEST(MentorRules, APairingEndsBetweenItsStartAndToday) {
  EXPECT_EQ(*check_pairing_end("2026-06-01", kJan1, kToday), kJun1);
  EXPECT_TRUE(check_pairing_end("2026-01-01", kJan1, kToday));
  EXPECT_EQ(field_of(check_pairing_end("2025-12-31", kJan1, kToday)), "until_on");
  EXPECT_EQ(field_of(check_pairing_end("2026-11-27", kJan1, kToday)), "until_on");
}

TEST(MentorRules, AMeetingIsWithinThePairingWithALengthAndAFormat) {
  const MeetingInput good{"2026-11-20", 90, "in_person", true};
  EXPECT_EQ(*check_meeting(good, kMar1, kToday), (Date{2026, 11, 20}));
  MeetingInput m = good;
  m.met_on = "2026-02-28";
  EXPECT_EQ(field_of(check_meeting(m, kMar1, kToday)), "met_on");
  m.met_on = "2026-11-27";
  EXPECT_EQ(field_of(check_meeting(m, kMar1, kToday)), "met_on");
  m = good;
  m.minutes = 0;
  EXPECT_EQ(field_of(check_meeting(m, kMar1, kToday)), "minutes");
  m.attended = false;  // a missed meeting may have no length
  EXPECT_TRUE(check_meeting(m, kMar1, kToday));
  m.minutes = kMaxMeetingMinutes + 1;
  EXPECT_EQ(field_of(check_meeting(m, kMar1, kToday)), "minutes");
  m = good;
  m.format = "letter";
  EXPECT_EQ(field_of(check_meeting(m, kMar1, kToday)), "format");
}

TEST(MentorRules, AMeetingCountsInTheServicesUnit) {
  EXPECT_EQ(meeting_quantity("hour", 90, true), 2);
  EXPECT_EQ(meeting_quantity("hour", 60, true), 1);
  EXPECT_EQ(meeting_quantity("hour", 20, true), 1);
  EXPECT_EQ(meeting_quantity("hour", 150, true), 3);
  EXPECT_EQ(meeting_quantity("session", 45, true), 1);
  EXPECT_EQ(meeting_quantity("visit", 45, true), 1);
  EXPECT_EQ(meeting_quantity("month", 45, true), 0);
  EXPECT_EQ(meeting_quantity("hour", 90, false), 0);
}

}  // namespace
}  // namespace atb::services
