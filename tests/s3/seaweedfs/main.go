// Command weed runs one SeaweedFS command (`weed mini`, `weed server`, …) for
// Gongyu's object-storage tests. SeaweedFS's own main package cannot be built
// with `go install …@version` (its go.mod has a replace directive) and cannot
// be imported, so this small main calls its command package the same way.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"testing/fstest"

	"github.com/seaweedfs/seaweedfs/weed/command"
	weed_server "github.com/seaweedfs/seaweedfs/weed/server"
	util_http "github.com/seaweedfs/seaweedfs/weed/util/http"
	flag "github.com/seaweedfs/seaweedfs/weed/util/fla9"
)

func main() {
	// The web UI's files live in SeaweedFS's main package; the tests use only the S3 API.
	var empty fs.FS = fstest.MapFS{}
	weed_server.StaticFS = empty
	flag.Parse()
	args := flag.Args()
	if len(args) < 1 {
		fmt.Fprintln(os.Stderr, "usage: weed <command> [flags]")
		os.Exit(2)
	}
	util_http.InitGlobalHttpClient()
	for _, cmd := range command.Commands {
		if cmd.Name() != args[0] || cmd.Run == nil {
			continue
		}
		cmd.Flag.Parse(args[1:])
		if !cmd.Run(cmd, cmd.Flag.Args()) {
			cmd.Flag.PrintDefaults()
			os.Exit(1)
		}
		os.Exit(command.CommandExitStatus())
	}
	fmt.Fprintf(os.Stderr, "weed: unknown command %q\n", args[0])
	os.Exit(2)
}
