/* SPDX-License-Identifier: Apache-2.0 */
/* The two byte harnesses of the XML documents, included with their entry
 * points renamed (kms_doc_one, profile_find_one; statics kept apart), for
 * the harnesses that run one document through both: fuzz/xml_tree.c and
 * fuzz/xml_doc.c.  Include it once, before any other definition. */
#ifndef RK_FUZZ_XML_TARGETS_H
#define RK_FUZZ_XML_TARGETS_H
/* the byte harnesses, their entry points renamed (statics kept apart) */
#define LLVMFuzzerTestOneInput kms_doc_one
#include "kms_doc.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput profile_find_one
#define ctx pf_ctx
#define out pf_out
#include "profile_find.c"
#undef ctx
#undef out
#undef LLVMFuzzerTestOneInput
#endif
