// Result<T>: a value or an Error. Used for every fallible operation instead of exceptions.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "core/error.h"

namespace atb {

/// Holds either a T or an Error. Test with `if (r)`, read with `*r` / `r->`, fail with `r.error()`.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

/// Result of an operation with no value.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  Error error_;
  bool ok_ = true;
};

/// Shorthand for a successful Result<void>.
inline Result<void> ok() { return {}; }

}  // namespace atb

/// Evaluates `expr` (a Result); on failure returns its error from the enclosing function.
#define ATB_TRY(expr)                                 \
  do {                                                \
    auto atb_try_result_ = (expr);                    \
    if (!atb_try_result_) return std::move(atb_try_result_).error(); \
  } while (0)

/// Evaluates `expr` (a Result<T>) into `var`, or returns its error.
#define ATB_TRY_ASSIGN(var, expr)                     \
  auto var##_result_ = (expr);                        \
  if (!var##_result_) return std::move(var##_result_).error(); \
  auto var = std::move(var##_result_).value()

/// Evaluates `expr` (a Result<T>) into the existing variable `target`, or returns its error.
#define ATB_TRY_ASSIGN_TO(target, expr)               \
  do {                                                \
    auto atb_try_result_ = (expr);                    \
    if (!atb_try_result_) return std::move(atb_try_result_).error(); \
    target = std::move(atb_try_result_).value();      \
  } while (0)
