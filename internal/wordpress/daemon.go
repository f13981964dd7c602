package wordpress

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// daemon is a server running in the foreground of a process of its own.
type daemon struct {
	cmd  *exec.Cmd
	done chan struct{}
}

// startDaemon runs name with args and waits until ready says it serves
// (at most 30 s); its log file says why when it does not.
func startDaemon(name string, args []string, ready func() bool, logFile string) (*daemon, error) {
	cmd := exec.Command(name, args...)
	// A group of its own: Apache stops by signalling its process group,
	// which would otherwise be its parent's.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("wordpress: starting %s: %w", name, err)
	}
	d := &daemon{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(d.done) }()
	deadline := time.Now().Add(30 * time.Second)
	for !ready() {
		select {
		case <-d.done:
			b, _ := os.ReadFile(logFile)
			return nil, fmt.Errorf("wordpress: %s stopped: %s", name, b)
		default:
		}
		if time.Now().After(deadline) {
			d.stop()
			b, _ := os.ReadFile(logFile)
			return nil, fmt.Errorf("wordpress: %s did not start in 30 s: %s", name, b)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return d, nil
}

// stop ends the server (Apache and MariaDB both stop on SIGTERM), killing
// it after 15 s.
func (d *daemon) stop() {
	d.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-d.done:
	case <-time.After(15 * time.Second):
		d.cmd.Process.Kill()
		<-d.done
	}
}

// freePort is a loopback port nothing listens on.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
