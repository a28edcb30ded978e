package assembly

import "os"

var osReadFile = os.ReadFile
