#pragma once
// The built admin web, loaded into memory at start so serving never blocks a network thread.
// History-mode fallback: a browser navigation (Accept: text/html) to a path that is neither a file nor
// a GET API route gets index.html, so the web app's own router takes over.
// A second web app can be mounted under a path prefix (the driver H5 app under /h5, docs/driver-web.md):
// its files and its own history fallback stay inside the prefix, and navigations to `navigation_prefixes`
// (the paths printed QR codes open, /app/gun/…) get its index.html too.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "http/types.hpp"

namespace zc::http {

class StaticFiles {
 public:
  explicit StaticFiles(const std::string& root);  // empty or missing root = disabled
  bool enabled() const { return !files_.empty(); }
  size_t count() const { return files_.size(); }
  // An existing file, or index.html for a navigation when `spa_fallback`.
  std::optional<Response> serve(std::string_view path, bool spa_fallback) const;

  // Mounts the web app built in `root` at `prefix` ("/h5"; empty or missing root = nothing mounted).
  // Returns the number of files loaded.
  size_t mount(std::string prefix, const std::string& root,
               std::vector<std::string> navigation_prefixes = {});

 private:
  struct File {
    std::string content_type;
    std::string body;
    bool immutable;
  };
  using FileMap = std::unordered_map<std::string, File>;  // "/assets/x.js" → file
  struct Mount {
    std::string prefix;
    FileMap files;
    std::vector<std::string> navigation_prefixes;
  };
  static FileMap load(const std::string& root);
  Response make(const File& f) const;
  std::optional<Response> serve_mount(const Mount& m, std::string_view path, bool spa_fallback) const;
  FileMap files_;
  std::vector<Mount> mounts_;
};

}  // namespace zc::http
