# Writes the manual pages from the binary's own --help text, so the two never differ:
# OUT/receipts.1 (the program: `receipts --help`) and OUT/receipts-CMD.1 for each subcommand
# (`receipts CMD --help`, then `receipts CMD SUB --help` for each of its own subcommands).
#   cmake -DBIN=path/to/receipts -DOUT=dir -DVERSION=0.1.0 -P cmake/manpages.cmake

if(NOT BIN OR NOT OUT OR NOT VERSION)
  message(FATAL_ERROR "manpages.cmake: BIN, OUT and VERSION are required")
endif()
file(MAKE_DIRECTORY ${OUT})

# The help of `receipts ARGS... --help`, with the binary's path shown as "receipts".
function(help_of out_var)
  execute_process(COMMAND ${BIN} ${ARGN} --help OUTPUT_VARIABLE text RESULT_VARIABLE rc
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "manpages.cmake: receipts ${ARGN} --help failed: ${err}")
  endif()
  string(REPLACE "${BIN}" "receipts" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# The names listed under "Subcommands:" in a help text.
function(subcommands_of text out_var)
  set(names "")
  string(FIND "${text}" "\nSubcommands:\n" at)
  if(at GREATER -1)
    string(SUBSTRING "${text}" ${at} -1 tail)
    string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*" found "${tail}")
    foreach(line ${found})
      string(STRIP "${line}" name)
      list(APPEND names ${name})
    endforeach()
  endif()
  set(${out_var} ${names} PARENT_SCOPE)
endfunction()

# Help text as troff: backslashes escaped, a line starting with . or ' kept from being a request,
# the whole kept as laid out (no fill).
function(troff text out_var)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out_var} ".nf\n${text}.fi\n" PARENT_SCOPE)
endfunction()

# The first line of a help text: the one-sentence summary.
function(summary_of text out_var)
  string(FIND "${text}" "\n" nl)
  string(SUBSTRING "${text}" 0 ${nl} first)
  string(REGEX REPLACE "^receipts: " "" first "${first}")
  string(REPLACE "\\" "\\e" first "${first}")
  set(${out_var} "${first}" PARENT_SCOPE)
endfunction()

string(TIMESTAMP today "%Y-%m-%d" UTC)  # SOURCE_DATE_EPOCH, when set, for reproducible builds

help_of(top)
subcommands_of("${top}" commands)
summary_of("${top}" top_summary)
troff("${top}" top_body)
set(see_also "")
foreach(cmd ${commands})
  string(APPEND see_also ".BR receipts-${cmd} (1)\n")
endforeach()
file(WRITE ${OUT}/receipts.1
  ".TH RECEIPTS 1 \"${today}\" \"receipts ${VERSION}\" \"User Commands\"\n"
  ".SH NAME\nreceipts \\- ${top_summary}\n"
  ".SH DESCRIPTION\n${top_body}"
  ".SH COMMANDS\nEach command has its own page: \\fBreceipts-COMMAND\\fR(1), and prints the same text "
  "with \\fBreceipts COMMAND --help\\fR.\n"
  ".SH FILES\nThe file formats, inputs and outputs: /usr/share/doc/receipts/formats.md.\n"
  ".SH SEE ALSO\n${see_also}")

foreach(cmd ${commands})
  help_of(text ${cmd})
  summary_of("${text}" summary)
  troff("${text}" body)
  subcommands_of("${text}" subs)
  set(sections "")
  foreach(sub ${subs})
    help_of(sub_text ${cmd} ${sub})
    troff("${sub_text}" sub_body)
    string(TOUPPER "${cmd} ${sub}" title)
    string(APPEND sections ".SH ${title}\n${sub_body}")
  endforeach()
  string(TOUPPER "receipts-${cmd}" upper)
  file(WRITE ${OUT}/receipts-${cmd}.1
    ".TH ${upper} 1 \"${today}\" \"receipts ${VERSION}\" \"User Commands\"\n"
    ".SH NAME\nreceipts-${cmd} \\- ${summary}\n"
    ".SH SYNOPSIS\n.B receipts ${cmd}\n[\\fIOPTIONS\\fR]\n"
    ".SH DESCRIPTION\n${body}${sections}"
    ".SH SEE ALSO\n.BR receipts (1)\n")
endforeach()
