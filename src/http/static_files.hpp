#pragma once
// The built admin web, loaded into memory at start so serving never blocks a network thread.
// History-mode fallback: a browser navigation (Accept: text/html) to a path that is neither a file nor
// a GET API route gets index.html, so the web app's own router takes over.
#include <optional>
#include <string>
#include <unordered_map>

#include "http/types.hpp"

namespace zc::http {

class StaticFiles {
 public:
  explicit StaticFiles(const std::string& root);  // empty or missing root = disabled
  bool enabled() const { return !files_.empty(); }
  size_t count() const { return files_.size(); }
  // An existing file, or index.html for a navigation when `spa_fallback`.
  std::optional<Response> serve(std::string_view path, bool spa_fallback) const;

 private:
  struct File {
    std::string content_type;
    std::string body;
    bool immutable;
  };
  Response make(const File& f) const;
  std::unordered_map<std::string, File> files_;  // "/assets/x.js" → file
};

}  // namespace zc::http
