#ifndef BOOKIFY_CCURL_SHIM_H
#define BOOKIFY_CCURL_SHIM_H
#include <curl/curl.h>
#include <dlfcn.h>
#include <string.h>

/* libcurl is not linked: bookify opens it (dlopen) the first time it fetches or mails
   something, since with the libraries it brings (TLS, Kerberos, LDAP, SSH, …) it cost every run
   several milliseconds of loading. These are the libcurl functions bookify calls, as its
   header declares them, bound once from the opened library. */
typedef struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *curl, CURLoption option, ...);
    CURLcode (*easy_perform)(CURL *curl);
    CURLcode (*easy_getinfo)(CURL *curl, CURLINFO info, ...);
    void (*easy_cleanup)(CURL *curl);
    const char *(*easy_strerror)(CURLcode code);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *string);
    void (*slist_free_all)(struct curl_slist *list);
} bookify_curl;

/* Binds `api` to the functions of `library` (a dlopen handle of libcurl.so.4) and initializes
   libcurl; 0 when a function is missing or libcurl cannot start. Called once, before any
   transfer. */
static inline int bookify_curl_bind(bookify_curl *api, void *library) {
#define BOOKIFY_CURL_BIND(field, name) \
    if ((*(void **)&api->field = dlsym(library, name)) == NULL) return 0;
    BOOKIFY_CURL_BIND(global_init, "curl_global_init")
    BOOKIFY_CURL_BIND(easy_init, "curl_easy_init")
    BOOKIFY_CURL_BIND(easy_setopt, "curl_easy_setopt")
    BOOKIFY_CURL_BIND(easy_perform, "curl_easy_perform")
    BOOKIFY_CURL_BIND(easy_getinfo, "curl_easy_getinfo")
    BOOKIFY_CURL_BIND(easy_cleanup, "curl_easy_cleanup")
    BOOKIFY_CURL_BIND(easy_strerror, "curl_easy_strerror")
    BOOKIFY_CURL_BIND(slist_append, "curl_slist_append")
    BOOKIFY_CURL_BIND(slist_free_all, "curl_slist_free_all")
#undef BOOKIFY_CURL_BIND
    return api->global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

/* libcurl's options are set and read through variadic functions, which Swift cannot call:
   one wrapper per argument type. */
static inline CURLcode bookify_curl_set_long(const bookify_curl *api, CURL *curl, CURLoption option, long value) {
    return api->easy_setopt(curl, option, value);
}
static inline CURLcode bookify_curl_set_offset(const bookify_curl *api, CURL *curl, CURLoption option, curl_off_t value) {
    return api->easy_setopt(curl, option, value);
}
/* A string (copied by libcurl) or a pointer that must outlive the transfer. */
static inline CURLcode bookify_curl_set_pointer(const bookify_curl *api, CURL *curl, CURLoption option, const void *value) {
    return api->easy_setopt(curl, option, value);
}

/* A write or header callback (libcurl's `curl_write_callback`) and the context it is given. */
typedef size_t (*bookify_curl_callback)(char *bytes, size_t size, size_t count, void *context);
static inline CURLcode bookify_curl_set_callback(const bookify_curl *api, CURL *curl, CURLoption function,
                                                 CURLoption data, bookify_curl_callback callback, void *context) {
    CURLcode result = api->easy_setopt(curl, function, callback);
    return result == CURLE_OK ? api->easy_setopt(curl, data, context) : result;
}

static inline CURLcode bookify_curl_get_long(const bookify_curl *api, CURL *curl, CURLINFO info, long *value) {
    return api->easy_getinfo(curl, info, value);
}
/* A string owned by the handle (NULL when there is none), valid until the next transfer. */
static inline CURLcode bookify_curl_get_string(const bookify_curl *api, CURL *curl, CURLINFO info, const char **value) {
    *value = NULL;
    return api->easy_getinfo(curl, info, (char **)value);
}

typedef struct {
    const char *bytes;
    size_t length, offset;
} bookify_smtp_upload;

static size_t bookify_smtp_read(char *buffer, size_t size, size_t count, void *context) {
    bookify_smtp_upload *upload = (bookify_smtp_upload *)context;
    size_t room = size * count, left = upload->length - upload->offset;
    size_t length = left < room ? left : room;
    memcpy(buffer, upload->bytes + upload->offset, length);
    upload->offset += length;
    return length;
}

/* Sends `message` (CRLF lines) from `from` to each of `recipients` through the SMTP server at
   `url` (smtp:// or smtps://). `requireTLS`: STARTTLS or fail. `password` NULL: the password
   (and user) from ~/.netrc if it has the host. `caFile` NULL: the system's certificates.
   Returns libcurl's result; `error` (CURL_ERROR_SIZE bytes) gets its message and
   `responseCode` the server's last reply code. Many options, so it is set up here, in C. */
static inline int bookify_smtp_send(const bookify_curl *api, const char *url, int requireTLS, const char *user,
                                    const char *password, const char *caFile, const char *from,
                                    const char *const *recipients, size_t recipientCount, const char *message,
                                    size_t length, long connectTimeout, long timeout, char *error, long *responseCode) {
    CURL *curl = api->easy_init();
    if (curl == NULL) return CURLE_FAILED_INIT;
    struct curl_slist *list = NULL;
    for (size_t index = 0; index < recipientCount; index++) list = api->slist_append(list, recipients[index]);
    bookify_smtp_upload upload = { message, length, 0 };
    error[0] = 0;
    api->easy_setopt(curl, CURLOPT_URL, url);
    api->easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    if (requireTLS) api->easy_setopt(curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
    if (user != NULL) api->easy_setopt(curl, CURLOPT_USERNAME, user);
    if (password != NULL) api->easy_setopt(curl, CURLOPT_PASSWORD, password);
    else api->easy_setopt(curl, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
    if (caFile != NULL) api->easy_setopt(curl, CURLOPT_CAINFO, caFile);
    api->easy_setopt(curl, CURLOPT_MAIL_FROM, from);
    api->easy_setopt(curl, CURLOPT_MAIL_RCPT, list);
    api->easy_setopt(curl, CURLOPT_READFUNCTION, bookify_smtp_read);
    api->easy_setopt(curl, CURLOPT_READDATA, &upload);
    api->easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    api->easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, connectTimeout);
    api->easy_setopt(curl, CURLOPT_TIMEOUT, timeout);
    api->easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    api->easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    CURLcode result = api->easy_perform(curl);
    *responseCode = 0;
    api->easy_getinfo(curl, CURLINFO_RESPONSE_CODE, responseCode);
    api->slist_free_all(list);
    api->easy_cleanup(curl);
    return (int)result;
}
#endif
