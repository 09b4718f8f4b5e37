#ifndef BOOKIFY_CCURL_SHIM_H
#define BOOKIFY_CCURL_SHIM_H
#include <curl/curl.h>
#include <string.h>

/* libcurl's options are set through a variadic function, which Swift cannot call: one message
   is sent here, in C, and Swift sees only this function's plain arguments. */

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
   `responseCode` the server's last reply code. */
static inline int bookify_smtp_send(const char *url, int requireTLS, const char *user, const char *password,
                                    const char *caFile, const char *from, const char *const *recipients,
                                    size_t recipientCount, const char *message, size_t length,
                                    long connectTimeout, long timeout, char *error, long *responseCode) {
    CURL *curl = curl_easy_init();
    if (curl == NULL) return CURLE_FAILED_INIT;
    struct curl_slist *list = NULL;
    for (size_t index = 0; index < recipientCount; index++) list = curl_slist_append(list, recipients[index]);
    bookify_smtp_upload upload = { message, length, 0 };
    error[0] = 0;
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    if (requireTLS) curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
    if (user != NULL) curl_easy_setopt(curl, CURLOPT_USERNAME, user);
    if (password != NULL) curl_easy_setopt(curl, CURLOPT_PASSWORD, password);
    else curl_easy_setopt(curl, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
    if (caFile != NULL) curl_easy_setopt(curl, CURLOPT_CAINFO, caFile);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, list);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, bookify_smtp_read);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, connectTimeout);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeout);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    CURLcode result = curl_easy_perform(curl);
    *responseCode = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, responseCode);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    return (int)result;
}

static inline void bookify_curl_global_init(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }
#endif
