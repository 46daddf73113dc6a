// The table of the authorization matrix (authorization_matrix_test.cpp): every endpoint with
// the answer each caller gets, for a record in scope ({in}) and one outside it ({out}).
#pragma once

#include <string>
#include <vector>

#include "http/router.h"

namespace atb::test {

/// The callers of the matrix, in the order of each row's expected statuses.
extern const std::vector<std::string> kMatrixCallers;

/// One endpoint of the matrix.
struct MatrixRow {
  http::Method method;
  std::string pattern;  ///< as registered (matched against OpenAPI)
  std::string target;   ///< with ids filled in ({in}, {out}, {session}, …)
  std::string body;
  std::vector<int> expected;  ///< one status per caller, in kMatrixCallers order
};

/// Every endpoint that exists but the system ones, with its expected answers.
std::vector<MatrixRow> matrix_table();

}  // namespace atb::test
