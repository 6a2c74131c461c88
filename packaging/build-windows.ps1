# Build the Windows bundle and installer. Run in PowerShell from the repository folder on a
# Windows 10/11 x64 machine with Python 3.12 (python.org) and Inno Setup 6.3+ installed:
#
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
#
# -> dist\kiosk\ (kiosk.exe, kiosk-gui.exe, _internal\) and dist\Kiosk-Setup-<version>.exe
# PyInstaller does not cross-compile: this must run on Windows. NOT executed in the project's
# CI (Linux); the Linux bundle from the same spec is built and self-tested there.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.12 -m venv .venv }
.venv\Scripts\python -m pip install --quiet --upgrade pip
.venv\Scripts\python -m pip install --quiet -e ".[packaging]"
$version = (.venv\Scripts\python -c "import kiosk; print(kiosk.__version__)").Trim()

.venv\Scripts\pyinstaller --noconfirm --clean packaging\kiosk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The bundle must pass its own self-test before it is packed.
$env:QT_QPA_PLATFORM = "offscreen"
dist\kiosk\kiosk.exe self-test
if ($LASTEXITCODE -ne 0) { throw "the bundle's self-test failed" }
Remove-Item Env:\QT_QPA_PLATFORM

# Optional: sign both programs before packing (SmartScreen warns about unsigned ones), e.g.
#   signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /a dist\kiosk\*.exe

$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
& $iscc "/DAppVersion=$version" packaging\windows\kiosk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "Built dist\Kiosk-Setup-$version.exe"
