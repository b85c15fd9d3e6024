namespace DroneLiquid.Sim.Autopilot.Px4;

/// <summary>
/// The events (MAVLink EVENT, msg 410) the PX4 emulator sends instead of STATUSTEXT, with the texts real PX4 showed.
/// The ids are this emulator's own (real PX4 ids are hashes resolved through component metadata, which it does not
/// serve): a client matches on <see cref="Px4EventIds"/>; the text is for logs.
/// </summary>
public readonly record struct Px4Event(uint Id, byte LogLevels, string Text);
