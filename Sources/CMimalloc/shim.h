// mimalloc (Debian's libmimalloc-dev): linked into the `disclose` executable, it replaces
// malloc for the whole process. See the README's Performance section for why.
#include <mimalloc.h>
